import { useEffect, useRef, useState } from 'react';
import { Box, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { RosterCommitResult, RosterPreview, SisMappingStep } from '../../../shared/ipc/contract/roster';
import { SourceStep } from './SourceStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';

export type ImportStage =
  | { step: 'source' }
  | { step: 'mapping'; mapping: SisMappingStep }
  | { step: 'preview'; preview: RosterPreview; sis: boolean }
  | { step: 'done'; result: RosterCommitResult };

/**
 * Roster import: choose a source (the dialog opens in the main process), match SIS columns,
 * review every change against the caseload, decide conflicts, import all or nothing.
 */
export function ImportScreen() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [stage, setStage] = useState<ImportStage>({ step: 'source' });
  const token = stage.step === 'mapping' ? stage.mapping.token : stage.step === 'preview' ? stage.preview.token : null;
  const tokenRef = useRef<string | null>(null);
  useEffect(() => {
    tokenRef.current = token;
  }, [token]);

  // The parsed file is student data: drop it in the main process when the counselor leaves.
  useEffect(() => () => void (tokenRef.current && api.roster.cancel({ token: tokenRef.current }).catch(() => undefined)), []);

  const restart = () => {
    if (token) void api.roster.cancel({ token }).catch(() => undefined);
    setStage({ step: 'source' });
  };

  const sis = stage.step === 'mapping' || (stage.step === 'preview' && stage.sis);
  const steps = sis ? (['source', 'mapping', 'preview', 'done'] as const) : (['source', 'preview', 'done'] as const);
  const active = (steps as readonly string[]).indexOf(stage.step);

  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1600, mx: 'auto' }}>
      <Typography variant="h1" sx={{ mb: 1 }}>
        {t('roster.title')}
      </Typography>
      {stage.step === 'source' && (
        <Typography color="text.secondary" sx={{ mb: 3, maxWidth: 900 }}>
          {t('roster.intro')}
        </Typography>
      )}
      <Stepper activeStep={active} aria-label={t('roster.steps.label')} sx={{ mb: 3, mt: stage.step === 'source' ? 0 : 2, maxWidth: 760 }}>
        {steps.map((s) => (
          <Step key={s} completed={(steps as readonly string[]).indexOf(s) < active}>
            <StepLabel>{t(`roster.steps.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {stage.step === 'source' && (
        <SourceStep
          onMapping={(mapping) => setStage({ step: 'mapping', mapping })}
          onPreview={(preview) => setStage({ step: 'preview', preview, sis: false })}
        />
      )}
      {stage.step === 'mapping' && <MappingStep step={stage.mapping} onPreview={(preview) => setStage({ step: 'preview', preview, sis: true })} onCancel={restart} />}
      {stage.step === 'preview' && (
        <PreviewStep
          key={stage.preview.token + stage.preview.counts.updated + stage.preview.conflicts}
          preview={stage.preview}
          sis={stage.sis}
          onPreview={(preview) => setStage({ step: 'preview', preview, sis: stage.sis })}
          onBackToMapping={(mapping) => setStage({ step: 'mapping', mapping })}
          onRestart={restart}
          onDone={(result) => {
            void qc.invalidateQueries({ queryKey: ['students'] });
            void qc.invalidateQueries({ queryKey: ['campuses'] });
            void qc.invalidateQueries({ queryKey: ['caseload'] });
            setStage({ step: 'done', result });
          }}
        />
      )}
      {stage.step === 'done' && <ResultStep result={stage.result} onAnother={() => setStage({ step: 'source' })} />}
    </Box>
  );
}

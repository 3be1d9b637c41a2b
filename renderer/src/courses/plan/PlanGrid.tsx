import { useState, type KeyboardEvent } from 'react';
import { Box, Button, Chip, Divider, ListItemIcon, ListItemText, Menu, MenuItem, Paper, Stack, Tooltip, Typography } from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';
import LockOutlined from '@mui/icons-material/LockOutlined';
import ArrowBack from '@mui/icons-material/ArrowBack';
import ArrowForward from '@mui/icons-material/ArrowForward';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import SwapHoriz from '@mui/icons-material/SwapHoriz';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import { useTranslation } from 'react-i18next';
import type { AuditResult, EntryResult, PrerequisiteIssue } from '../../../../shared/domain/graduation/audit';
import { TERMS, type PlanGrade, type Term } from '../../../../shared/domain/graduation/vocabulary';
import type { PlanCell } from '../../../../shared/ipc/contract';
import { credits, schoolYearForGrade, yearLabel } from '../format';

export interface GridActions {
  add(grade: PlanGrade): void;
  move(cell: PlanCell, grade: PlanGrade, term: Term): void;
  moveDialog(cell: PlanCell): void;
  remove(cell: PlanCell): void;
  setStatus(cell: PlanCell, status: 'planned' | 'requested'): void;
  waive(cell: PlanCell): void;
  editRecord(cell: PlanCell): void;
}

const STATUS_COLOR = { completed: 'success', 'in-progress': 'info', requested: 'secondary', planned: 'default' } as const;
const HIGH: PlanGrade[] = ['09', '10', '11', '12'];

function CourseCell({ cell, result, issues, actions, readOnly, titles }: { cell: PlanCell; result?: EntryResult; issues: PrerequisiteIssue[]; actions: GridActions; readOnly: boolean; titles: (code: string) => string }) {
  const { t, i18n } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const fromPlan = cell.source === 'plan';
  const gradeIdx = HIGH.indexOf(cell.grade);
  const canEarlier = fromPlan && !readOnly && gradeIdx > 0;
  const canLater = fromPlan && !readOnly && gradeIdx >= 0 && gradeIdx < HIGH.length - 1;
  const notCounted = result && !result.counted;
  const issueText = issues.map((p) => t('courses.plan.prereqIssue', { prerequisites: p.missing.map(titles).join(' / ') })).join(' · ');
  const label = `${cell.title}, ${cell.code}, ${t('courses.plan.credits', { count: cell.credits })}, ${t(`courses.status.${cell.status}`)}${cell.term !== 'year' ? `, ${t(`courses.terms.${cell.term}`)}` : ''}${issueText ? `. ${issueText}` : ''}${notCounted && result?.reason ? `. ${t(`courses.entryReasons.${result.reason}`)}` : ''}`;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!fromPlan || readOnly) return;
    if (e.altKey && e.key === 'ArrowLeft' && canEarlier) {
      e.preventDefault();
      actions.move(cell, HIGH[gradeIdx - 1], cell.term);
    } else if (e.altKey && e.key === 'ArrowRight' && canLater) {
      e.preventDefault();
      actions.move(cell, HIGH[gradeIdx + 1], cell.term);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      actions.remove(cell);
    }
  };
  const close = () => setAnchor(null);
  const hasMenu = !readOnly;
  return (
    <>
      <Paper
        component="button"
        type="button"
        data-cell={cell.id}
        aria-label={label}
        aria-haspopup={hasMenu ? 'menu' : undefined}
        onClick={(e) => hasMenu && setAnchor(e.currentTarget)}
        onKeyDown={onKeyDown}
        draggable={fromPlan && !readOnly}
        onDragStart={(e) => {
          e.dataTransfer.setData('text/plain', cell.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
        variant="outlined"
        sx={{
          width: '100%',
          textAlign: 'left',
          p: 1,
          font: 'inherit',
          color: 'inherit',
          cursor: hasMenu ? 'pointer' : 'default',
          bgcolor: cell.source === 'record' ? 'action.hover' : 'background.paper',
          borderColor: issues.length ? 'warning.main' : notCounted ? 'divider' : 'divider',
          borderStyle: cell.status === 'planned' ? 'dashed' : 'solid',
          opacity: notCounted ? 0.7 : 1,
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid', outlineOffset: 1 },
        }}
      >
        <Typography variant="body2" sx={{ fontWeight: 600, fontSize: 13, lineHeight: 1.3, overflowWrap: 'break-word', hyphens: 'auto', minWidth: 0 }}>
          {cell.title}
        </Typography>
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ mt: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
          {cell.source === 'record' && (
            <Tooltip title={t('courses.plan.transcriptRow')}>
              <LockOutlined sx={{ fontSize: 14, color: 'text.secondary' }} aria-hidden />
            </Tooltip>
          )}
          <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
            {cell.code}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            · {credits(cell.credits, i18n.language)}
          </Typography>
          {cell.term !== 'year' && <Chip size="small" variant="outlined" label={t(`courses.termsShort.${cell.term}`)} sx={{ height: 18, fontSize: 11 }} />}
          <Chip
            size="small"
            color={STATUS_COLOR[cell.status]}
            variant={cell.status === 'planned' ? 'outlined' : 'filled'}
            label={t(`courses.status.${cell.status}`)}
            // MUI's default info blue is below 4.5:1 with white text; this one passes AA.
            sx={{ height: 18, fontSize: 11, ...(cell.status === 'in-progress' ? { bgcolor: '#0b5a83', color: '#fff' } : {}) }}
          />
          {cell.mark && (
            <Typography variant="caption" color="text.secondary">
              {t('courses.plan.mark', { mark: cell.mark })}
            </Typography>
          )}
          {cell.creditSource === 'exam' && <Chip size="small" variant="outlined" label={t('courses.plan.exam')} sx={{ height: 18, fontSize: 11 }} />}
          {!cell.inCatalog && <Chip size="small" color="warning" variant="outlined" label={t('courses.plan.notInCatalog')} sx={{ height: 18, fontSize: 11 }} />}
          {notCounted && result?.reason && <Chip size="small" variant="outlined" label={t(`courses.entryReasons.${result.reason}`)} sx={{ height: 18, fontSize: 11 }} />}
          {cell.waivers.length > 0 && <Chip size="small" variant="outlined" label={t('courses.plan.waived')} sx={{ height: 18, fontSize: 11 }} />}
        </Stack>
        {issues.length > 0 && (
          <Stack direction="row" spacing={0.5} sx={{ mt: 0.5, color: 'warning.main', alignItems: 'flex-start' }}>
            <WarningAmber sx={{ fontSize: 16, mt: '1px' }} aria-hidden />
            <Typography variant="caption" sx={{ color: 'warning.main', fontWeight: 600 }}>
              {issueText}
            </Typography>
          </Stack>
        )}
      </Paper>
      {hasMenu && (
        <Menu anchorEl={anchor} open={!!anchor} onClose={close} slotProps={{ list: { 'aria-label': t('courses.plan.courseMenu', { course: cell.title }) } }}>
          {fromPlan
            ? [
                <MenuItem key="earlier" disabled={!canEarlier} onClick={() => (close(), actions.move(cell, HIGH[gradeIdx - 1], cell.term))}>
                  <ListItemIcon><ArrowBack fontSize="small" /></ListItemIcon>
                  <ListItemText>{t('courses.plan.moveEarlier')}</ListItemText>
                  <Typography variant="caption" color="text.secondary" sx={{ ml: 2 }}>Alt+←</Typography>
                </MenuItem>,
                <MenuItem key="later" disabled={!canLater} onClick={() => (close(), actions.move(cell, HIGH[gradeIdx + 1], cell.term))}>
                  <ListItemIcon><ArrowForward fontSize="small" /></ListItemIcon>
                  <ListItemText>{t('courses.plan.moveLater')}</ListItemText>
                  <Typography variant="caption" color="text.secondary" sx={{ ml: 2 }}>Alt+→</Typography>
                </MenuItem>,
                <MenuItem key="move" onClick={() => (close(), actions.moveDialog(cell))}>
                  <ListItemIcon><SwapHoriz fontSize="small" /></ListItemIcon>
                  <ListItemText>{t('courses.plan.moveTo')}</ListItemText>
                </MenuItem>,
                <MenuItem key="status" onClick={() => (close(), actions.setStatus(cell, cell.status === 'requested' ? 'planned' : 'requested'))}>
                  <ListItemIcon><FactCheckOutlined fontSize="small" /></ListItemIcon>
                  <ListItemText>{cell.status === 'requested' ? t('courses.plan.markPlanned') : t('courses.plan.markRequested')}</ListItemText>
                </MenuItem>,
                <MenuItem key="waive" onClick={() => (close(), actions.waive(cell))}>
                  <ListItemIcon><EditOutlined fontSize="small" /></ListItemIcon>
                  <ListItemText>{t('courses.plan.waive')}</ListItemText>
                </MenuItem>,
                <Divider key="d" />,
                <MenuItem key="remove" onClick={() => (close(), actions.remove(cell))} sx={{ color: 'error.main' }}>
                  <ListItemIcon><DeleteOutlined fontSize="small" color="error" /></ListItemIcon>
                  <ListItemText>{t('courses.plan.remove')}</ListItemText>
                  <Typography variant="caption" color="text.secondary" sx={{ ml: 2 }}>Del</Typography>
                </MenuItem>,
              ]
            : [
                <MenuItem key="edit" onClick={() => (close(), actions.editRecord(cell))}>
                  <ListItemIcon><EditOutlined fontSize="small" /></ListItemIcon>
                  <ListItemText>{t('courses.plan.editRecord')}</ListItemText>
                </MenuItem>,
              ]}
        </Menu>
      )}
    </>
  );
}

/** Grades 9–12 side by side (plus "before grade 9" when there is high-school credit from middle school), courses in term order. */
export function PlanGrid({ cells, audit, actions, readOnly, currentSchoolYear, gradeLevel, titles }: {
  cells: PlanCell[];
  audit: AuditResult | null;
  actions: GridActions;
  readOnly: boolean;
  currentSchoolYear: number;
  gradeLevel: string | null;
  titles: (code: string) => string;
}) {
  const { t } = useTranslation();
  const [dropTarget, setDropTarget] = useState<PlanGrade | null>(null);
  const results = new Map((audit?.entries ?? []).map((e) => [e.id, e]));
  const issues = new Map<string, PrerequisiteIssue[]>();
  for (const p of audit?.prerequisites ?? []) issues.set(p.entryId, [...(issues.get(p.entryId) ?? []), p]);
  const early = cells.filter((c) => c.grade === '07' || c.grade === '08');
  const columns: { key: string; grades: PlanGrade[]; label: string; year: string | null }[] = [
    ...(early.length ? [{ key: 'early', grades: ['07', '08'] as PlanGrade[], label: t('courses.plan.beforeHigh'), year: null }] : []),
    ...HIGH.map((g) => {
      const y = schoolYearForGrade(currentSchoolYear, gradeLevel, g);
      return { key: g, grades: [g], label: t(`common.grade.${g}`), year: y === null ? null : yearLabel(y) };
    }),
  ];
  const order = (c: PlanCell) => TERMS.indexOf(c.term) * 10 + (c.source === 'record' ? 0 : 1);
  return (
    <Box role="region" aria-label={t('courses.plan.gridLabel')}>
      <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))`, gap: 1.25 }}>
        {columns.map((col) => {
          const list = cells.filter((c) => col.grades.includes(c.grade)).sort((a, b) => order(a) - order(b) || a.title.localeCompare(b.title));
          const total = list.reduce((s, c) => s + (results.get(c.id)?.counted === false ? 0 : c.credits), 0);
          const target = col.grades[col.grades.length - 1];
          return (
            <Box
              key={col.key}
              component="section"
              aria-label={col.label}
              onDragOver={(e) => {
                if (readOnly || col.key === 'early') return;
                e.preventDefault();
                setDropTarget(target);
              }}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(e) => {
                e.preventDefault();
                setDropTarget(null);
                const id = e.dataTransfer.getData('text/plain');
                const cell = cells.find((c) => c.id === id);
                if (cell && cell.grade !== target) actions.move(cell, target, cell.term);
              }}
              sx={{
                bgcolor: dropTarget === target ? 'action.selected' : 'background.paper',
                border: 1,
                borderColor: 'divider',
                borderRadius: 2,
                p: 1,
                minWidth: 0,
                display: 'flex',
                flexDirection: 'column',
              }}
            >
              <Box sx={{ px: 0.5, pb: 1 }}>
                <Typography variant="h4" component="h3">
                  {col.label}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {[col.year, t('courses.plan.credits', { count: Math.round(total * 100) / 100 })].filter(Boolean).join(' · ')}
                </Typography>
              </Box>
              <Stack spacing={0.75} sx={{ flex: 1 }}>
                {list.length === 0 && (
                  <Typography variant="body2" color="text.secondary" sx={{ px: 0.5 }}>
                    {t('courses.plan.noCourses')}
                  </Typography>
                )}
                {list.map((c) => (
                  <CourseCell key={c.id} cell={c} result={results.get(c.id)} issues={issues.get(c.id) ?? []} actions={actions} readOnly={readOnly} titles={titles} />
                ))}
              </Stack>
              {!readOnly && col.key !== 'early' && (
                <Button size="small" startIcon={<AddOutlined />} onClick={() => actions.add(target)} sx={{ mt: 1, alignSelf: 'flex-start' }} aria-label={t('courses.plan.addCourseTo', { grade: col.label })}>
                  {t('courses.plan.addCourse')}
                </Button>
              )}
            </Box>
          );
        })}
      </Box>
      {!readOnly && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('courses.plan.keyboardHint')}
        </Typography>
      )}
    </Box>
  );
}

import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as es from '@zxcvbn-ts/language-es-es';
import type { Locale } from '../i18n/locales';
import { en as enText } from '../i18n/en';
import { es as esText } from '../i18n/es';

/**
 * Passphrase policy, shared by the form (live feedback) and the main process (which
 * enforces it: the renderer's check is a convenience, not a control).
 */
import { MIN_PASSPHRASE_LENGTH, MIN_PASSPHRASE_SCORE } from './passphrasePolicy';

export { MIN_PASSPHRASE_LENGTH, MIN_PASSPHRASE_SCORE };

export interface PassphraseStrength {
  /** 0 (very weak) … 4 (very strong), zxcvbn's scale. */
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  tooShort: boolean;
  warning: string | null;
  suggestions: string[];
}

const factories = new Map<Locale, ZxcvbnFactory>();

function factory(locale: Locale): ZxcvbnFactory {
  let f = factories.get(locale);
  if (!f) {
    f = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...es.dictionary },
      graphs: common.adjacencyGraphs,
      // Our own wording (usted, "passphrase"); the packaged Spanish is informal Spain Spanish.
      translations: {
        ...(locale === 'es' ? es.translations : en.translations),
        ...(locale === 'es' ? esText : enText).vault.strength.feedback,
      },
    });
    factories.set(locale, f);
  }
  return f;
}

export function assessPassphrase(passphrase: string, locale: Locale = 'en', userInputs: string[] = []): PassphraseStrength {
  const tooShort = [...passphrase].length < MIN_PASSPHRASE_LENGTH;
  // zxcvbn's cost grows with length; beyond 100 characters the score is already maximal.
  const result = factory(locale).check(passphrase.slice(0, 100), userInputs);
  const score = result.score as PassphraseStrength['score'];
  return {
    score,
    acceptable: !tooShort && score >= MIN_PASSPHRASE_SCORE,
    tooShort,
    warning: result.feedback.warning ?? null,
    suggestions: result.feedback.suggestions ?? [],
  };
}

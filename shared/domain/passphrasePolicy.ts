/** The passphrase policy's numbers, apart from the (large) strength estimator. */
export const MIN_PASSPHRASE_LENGTH = 10;
/** zxcvbn score 3: "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSPHRASE_SCORE = 3;

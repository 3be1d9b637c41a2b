/** Same keys as the English resource, any strings: Spanish must translate every key. */
export type Translation<T> = T extends string
  ? string
  : T extends readonly string[]
    ? readonly string[]
    : { [K in keyof T]: Translation<T[K]> };

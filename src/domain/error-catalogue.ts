import { DomainError, type Bilingual, type FieldProblem } from './errors.js';

/** One error of a catalogue: how it is refused (the HTTP status follows) and what it says in both languages. */
export interface ErrorSpec {
  kind: DomainError['kind'];
  /** Japanese text; `{name}` is filled from the parameters. */
  ja: string;
  /** English text, with the same `{name}` placeholders. */
  en: string;
}

/** The `{name}` placeholders of a text. */
type Placeholders<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** A placeholder's value: text or a number (formatted for each language), or a text in both languages. */
export type ErrorParam = string | number | Bilingual;

/** The parameters of an error: none, or one value for each placeholder of its texts. */
type ParamsOf<Spec extends ErrorSpec> = [Placeholders<Spec['ja']> | Placeholders<Spec['en']>] extends [never]
  ? []
  : [params: Record<Placeholders<Spec['ja']> | Placeholders<Spec['en']>, ErrorParam>];

/** Where a refusal points in the input: a field of the form, its message the error's own unless given. */
export interface ErrorFields {
  /** The field the message belongs to. */
  field?: string;
  /** Several fields, each with its own message. */
  fields?: FieldProblem[];
}

/** One entry of a catalogue, ready to use. */
export interface CataloguedError<Code extends string, Spec extends ErrorSpec> {
  code: Code;
  kind: Spec['kind'];
  /** The texts as written, placeholders and all. */
  template: Bilingual;
  /** The texts with their placeholders filled. */
  message(...params: ParamsOf<Spec>): Bilingual;
  /** The error to throw. */
  error(...args: [...ParamsOf<Spec>, where?: ErrorFields]): DomainError;
}

export type ErrorCatalogue<Specs extends Record<string, ErrorSpec>> = { readonly [Code in keyof Specs & string]: CataloguedError<Code, Specs[Code]> };

const numberFormat = { ja: new Intl.NumberFormat('ja-JP'), en: new Intl.NumberFormat('en-US') };

function fill(text: string, params: Readonly<Record<string, ErrorParam>> | undefined, language: 'ja' | 'en'): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return numberFormat[language].format(value);
    return typeof value === 'string' ? value : value[language];
  });
}

/**
 * A feature's errors, in one place: each code with its kind and its Japanese and English texts (STYLE: codes
 * from a catalogue, prose out of domain code). `errors.E_X.error(params)` is what a use case throws;
 * `errors.E_X.message(params)` the texts of a problem reported row by row. The feature's manifest lists its
 * catalogue, so the codes' union reaches the web's types, and a test checks both texts of every code.
 */
export function defineErrors<const Specs extends Record<`E_${string}`, ErrorSpec>>(specs: Specs): ErrorCatalogue<Specs> {
  const catalogue: Record<string, CataloguedError<string, ErrorSpec>> = {};
  for (const [code, spec] of Object.entries<ErrorSpec>(specs)) {
    const message = (params?: Readonly<Record<string, ErrorParam>>): Bilingual => ({ ja: fill(spec.ja, params, 'ja'), en: fill(spec.en, params, 'en') });
    catalogue[code] = {
      code,
      kind: spec.kind,
      template: { ja: spec.ja, en: spec.en },
      message,
      error: (...args: unknown[]) => {
        const hasParams = /\{\w+\}/.test(spec.ja + spec.en);
        const params = hasParams ? (args[0] as Record<string, ErrorParam>) : undefined;
        const where = (hasParams ? args[1] : args[0]) as ErrorFields | undefined;
        const text = message(params);
        const fields = where?.fields ?? (where?.field ? [{ path: where.field, message: text }] : []);
        return new DomainError(spec.kind, code, text, fields);
      },
    };
  }
  return catalogue as ErrorCatalogue<Specs>;
}

/** The codes of a catalogue. */
export type CodesOf<Catalogue> = keyof Catalogue & `E_${string}`;

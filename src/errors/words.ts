/**
 * Sentences with `{param}` placeholders, typed: the names a template holds
 * are read from its literal type, so filling one without a value it names
 * (or with one it does not) fails to compile. The catalogues of errors and
 * of write failures keep their sentences this way.
 */
import { fillIn } from '../model/words';

/** The `{name}`s of a template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** One value per placeholder of `S`, no more, no fewer. */
export type TemplateParams<S extends string> = { readonly [Name in Placeholders<S>]: string | number };

/** `template` with its placeholders filled. */
export const fill = <S extends string>(template: S, params: TemplateParams<S>): string => fillIn(template, params);

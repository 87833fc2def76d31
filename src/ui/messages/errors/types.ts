// The shape of the error catalogue (messages/errors/catalogue.ts): a module of its own so that the domain
// catalogues (messages/errors/*.ts) and the module that joins them do not import each other.
import type { Lang } from '../../../core/routing/compile.js';
import type { Location, Problem } from '../../../core/problems.js';

/** What a catalogue entry may use besides its params. */
export interface Words {
  lang: Lang;
  /** How the user calls zorgroute here: `zorgroute` or `npx zorgroute`. */
  cmd: string;
  at(location: Location): string;
  errno(code: string | undefined): string;
  problem(p: Problem): string;
  list(values: readonly string[]): string;
}

export type Catalogue<P> = { readonly [K in keyof P]-?: (params: P[K], w: Words) => string };
export type Bilingual<P> = { readonly nl: Catalogue<P>; readonly en: Catalogue<P> };

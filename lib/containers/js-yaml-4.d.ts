/** The part of js-yaml 4 (installed as `js-yaml-4`, which ships no types) that `yaml-plain.ts` uses. */
declare module "js-yaml-4" {
  export class Type {
    constructor(
      tag: string,
      options: {
        kind: "scalar" | "sequence" | "mapping";
        resolve?: (data: unknown) => boolean;
        construct?: (data: unknown) => unknown;
      },
    );
  }

  export class Schema {
    extend(types: { implicit: Type[]; explicit: Type[] }): Schema;
  }

  export const FAILSAFE_SCHEMA: Schema;

  export function loadAll(
    input: string,
    iterator: null,
    options: { schema: Schema; maxDepth: number; maxTotalMergeKeys: number },
  ): unknown[];
}

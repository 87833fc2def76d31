// A party's name for people. The names are data of the rule set (`parties`, core/routing/compile.ts
// CompiledParty); the catalogue's `party` table holds them for the chain that is loaded, and a party
// it does not know (a case logged under another chain) is shown by its id.
export function partyName(msgs: { readonly party: Readonly<Record<string, string>> }, id: string): string {
  return Object.hasOwn(msgs.party, id) ? msgs.party[id]! : id;
}

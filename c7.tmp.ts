import { loadCorpus, checkGroup } from "./test/support/understanding-corpus.ts";
const g = loadCorpus();
for (const name of process.argv.slice(2)) { const r = checkGroup(name, g.get(name)!); console.log(name, r.passed, "/", r.total); for (const f of r.failures) console.log("  ", JSON.stringify(f.line.text), JSON.stringify(f.line.context?.now ?? ""), "want", JSON.stringify(f.line.expect), "got", JSON.stringify(f.got)); }

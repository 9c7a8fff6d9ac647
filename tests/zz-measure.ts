import { DISCLOSURE_PRESETS, discloseAnswer } from '/work/wt-audit2/shared/disclosure';
import { prepareLetter, LetterDisclosureError } from '/work/wt-audit2/shared/letter';
import { randomAnswer } from '/work/wt-audit2/tests/shared/disclosure-audit/random-answers';
const n = Number(process.argv[2] ?? 100);
const start = Number(process.argv[3] ?? 0);
const presets = (process.argv[4] ?? 'ohdsi,leaf-shrine,pcornet-act').split(',') as (keyof typeof DISCLOSURE_PRESETS)[];
async function main() {
await prepareLetter(randomAnswer(1, 0, DISCLOSURE_PRESETS.ohdsi).snapshot).catch(() => undefined);
for (const id of presets) {
  const policy = DISCLOSURE_PRESETS[id];
  let refused = 0, solves = 0, solved = 0, disclose = 0, audit = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = start; i < start + n; i++) {
    const { snapshot, estimate, hallandRule } = randomAnswer(20261207, i, policy);
    const a = process.cpuUsage();
    discloseAnswer(estimate, policy, { hallandRule, recruitingRegions: snapshot.study.recruitment.sites.map((s) => s.region) });
    const b = process.cpuUsage(a); disclose += (b.user + b.system) / 1000;
    try { const p = await prepareLetter(snapshot); solves += p.audit.stats.solves; if (p.audit.stats.solves) solved++; audit += p.audit.stats.milliseconds; }
    catch (e) { if (e instanceof LetterDisclosureError) { refused++; console.log('refused', id, i, e.findings.map((f) => f.message.en).join(' ')); } else throw e; }
  }
  const c = process.cpuUsage(c0);
  console.log(`${id}: ${n} letters, cpu ${Math.round((c.user + c.system) / 1000)} ms (wall ${Math.round(performance.now() - t0)}), discloser cpu ${Math.round(disclose)} ms (${(disclose / n).toFixed(1)}/letter), audit wall ${audit} ms, solves ${solves} in ${solved} letters, refused ${refused}`);
}
}
void main();

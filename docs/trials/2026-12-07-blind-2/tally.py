#!/usr/bin/env python3
"""Recompute the tables of report.md from judgements.tsv.  Usage: python3 tally.py"""
import csv, collections, os
here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, 'judgements.tsv')), delimiter='\t', quoting=csv.QUOTE_NONE))
names = {'R': 'right, exact', 'W': 'right, weak', 'X': 'wrong', 'M': 'missing although stated',
         'S': 'shown although nothing stated', 'Q': 'correctly silent'}
rank = {'X': 0, 'M': 1, 'S': 1, 'Q': 2, 'W': 2, 'R': 3}
for r in rows:   # consistency checks
    allowed = 'RWXM' if r['stated_or_inferred'] == 'stated' else 'RWXSQ'
    for v in 'BA':
        assert r[v] in allowed, (r['passage'], r['ident'], v, r[v])

def pct(a, b): return f"{a} / {b} = {a / b:.0%}" if b else "-"
st = [r for r in rows if r['stated_or_inferred'] == 'stated']
inf = [r for r in rows if r['stated_or_inferred'] == 'inferred']
c = {v: collections.Counter(r[v] for r in rows) for v in 'BA'}
cs = {v: collections.Counter(r[v] for r in st) for v in 'BA'}
ci = {v: collections.Counter(r[v] for r in inf) for v in 'BA'}
print(f"{len(rows)} identifiers ({len(st)} stated, {len(inf)} inferred), {len({r['passage'] for r in rows})} passages\n")
print('| | BEFORE | AFTER |\n|---|---|---|')
for k in 'RWXMSQ':
    print(f"| {names[k]} ({k}) | {c['B'][k]} | {c['A'][k]} |")
print(f"| right (R+W) / stated | {pct(cs['B']['R']+cs['B']['W'], len(st))} | {pct(cs['A']['R']+cs['A']['W'], len(st))} |")
print(f"| right, exact (R) / stated | {pct(cs['B']['R'], len(st))} | {pct(cs['A']['R'], len(st))} |")
print(f"| right (R+W) / shown, stated identifiers (R+W+X) | " + ' | '.join(
    pct(cs[v]['R']+cs[v]['W'], cs[v]['R']+cs[v]['W']+cs[v]['X']) for v in 'BA') + ' |')
print(f"| right (R+W) / shown, all identifiers (R+W+X+S) | " + ' | '.join(
    pct(c[v]['R']+c[v]['W'], c[v]['R']+c[v]['W']+c[v]['X']+c[v]['S']) for v in 'BA') + ' |')
print(f"| inferred: silent (Q) / inferred | {pct(ci['B']['Q'], len(inf))} | {pct(ci['A']['Q'], len(inf))} |")
print(f"| inferred: shown and wrong (X) | {ci['B']['X']} | {ci['A']['X']} |")
print()
print('Stated identifiers only:  ' + '; '.join(f"{v}: " + ' '.join(f"{k}={cs[v][k]}" for k in 'RWXM') for v in ('B', 'A')))
print('Inferred identifiers only: ' + '; '.join(f"{v}: " + ' '.join(f"{k}={ci[v][k]}" for k in 'RWXSQ') for v in ('B', 'A')))
print()
print('| passage | n | BEFORE R/W/X/M/S/Q | AFTER R/W/X/M/S/Q | better | worse |\n|---|---|---|---|---|---|')
byp = collections.OrderedDict()
for r in rows: byp.setdefault(r['passage'], []).append(r)
diffs = []
for p, rs in byp.items():
    cb = collections.Counter(r['B'] for r in rs); ca = collections.Counter(r['A'] for r in rs)
    bt = wr = 0
    for r in rs:
        if r['B'] != r['A'] or r['before_first'] != r['after_first']:
            d = 'better' if rank[r['A']] > rank[r['B']] else 'worse' if rank[r['A']] < rank[r['B']] else 'same code'
            bt += d == 'better'; wr += d == 'worse'
            diffs.append((p, r, d))
    print(f"| {p} | {len(rs)} | {'/'.join(str(cb[k]) for k in 'RWXMSQ')} | {'/'.join(str(ca[k]) for k in 'RWXMSQ')} | {bt} | {wr} |")
print('\n| passage | identifier | BEFORE | AFTER | verdict |\n|---|---|---|---|---|')
for p, r, d in diffs:
    print(f"| {p} | `{r['ident']}` | {r['B']} \"{r['before_first']}\" | {r['A']} \"{r['after_first']}\" | {d} |")
print('\n' + ', '.join(f"{k}: {v}" for k, v in collections.Counter(d for _, _, d in diffs).items()))

#!/usr/bin/env python3
"""Recompute the tables of report-final.md from judgements-final.tsv.  Usage: python3 tally-final.py
Same counting as tally.py, with AFTER (column A) and FINAL (column F)."""
import csv, collections, os
here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, 'judgements-final.tsv')), delimiter='\t', quoting=csv.QUOTE_NONE))
names = {'R': 'right, exact', 'W': 'right, weak', 'X': 'wrong', 'M': 'missing although stated',
         'S': 'shown although nothing stated', 'Q': 'correctly silent'}
rank = {'X': 0, 'M': 1, 'S': 1, 'Q': 2, 'W': 2, 'R': 3}
V = ('A', 'F'); LABEL = {'A': 'AFTER', 'F': 'FINAL'}
for r in rows:   # consistency checks
    allowed = 'RWXM' if r['stated_or_inferred'] == 'stated' else 'RWXSQ'
    for v in V:
        assert r[v] in allowed, (r['passage'], r['ident'], v, r[v])
    if r['after_first'] == r['final_first']:   # identical first meaning -> AFTER's code copied
        assert r['A'] == r['F'], (r['passage'], r['ident'])

def pct(a, b): return f"{a} / {b} = {a / b:.0%}" if b else "-"
st = [r for r in rows if r['stated_or_inferred'] == 'stated']
inf = [r for r in rows if r['stated_or_inferred'] == 'inferred']
c = {v: collections.Counter(r[v] for r in rows) for v in V}
cs = {v: collections.Counter(r[v] for r in st) for v in V}
ci = {v: collections.Counter(r[v] for r in inf) for v in V}
print(f"{len(rows)} identifiers ({len(st)} stated, {len(inf)} inferred), {len({r['passage'] for r in rows})} passages\n")
print('| | AFTER | FINAL |\n|---|---|---|')
for k in 'RWXMSQ':
    print(f"| {names[k]} ({k}) | {c['A'][k]} | {c['F'][k]} |")
print('| **right (R+W) / stated** | ' + ' | '.join(pct(cs[v]['R']+cs[v]['W'], len(st)) for v in V) + ' |')
print('| **right, exact (R) / stated** | ' + ' | '.join(pct(cs[v]['R'], len(st)) for v in V) + ' |')
print('| **right (R+W) / shown, stated identifiers (R+W+X)** | ' + ' | '.join(
    pct(cs[v]['R']+cs[v]['W'], cs[v]['R']+cs[v]['W']+cs[v]['X']) for v in V) + ' |')
print('| right (R+W) / shown, all identifiers (R+W+X+S) | ' + ' | '.join(
    pct(c[v]['R']+c[v]['W'], c[v]['R']+c[v]['W']+c[v]['X']+c[v]['S']) for v in V) + ' |')
print('| inferred: silent (Q) / inferred | ' + ' | '.join(pct(ci[v]['Q'], len(inf)) for v in V) + ' |')
print(f"| inferred: shown and wrong (X) | {ci['A']['X']} | {ci['F']['X']} |")
print()
print('Stated identifiers only:  ' + '; '.join(f"{LABEL[v]}: " + ' '.join(f"{k}={cs[v][k]}" for k in 'RWXM') for v in V))
print('Inferred identifiers only: ' + '; '.join(f"{LABEL[v]}: " + ' '.join(f"{k}={ci[v][k]}" for k in 'RWXSQ') for v in V))
print()
print('| passage | n | AFTER R/W/X/M/S/Q | FINAL R/W/X/M/S/Q | better | worse | same rank |\n|---|---|---|---|---|---|---|')
byp = collections.OrderedDict()
for r in rows: byp.setdefault(r['passage'], []).append(r)
diffs = []
for p, rs in byp.items():
    ca = collections.Counter(r['A'] for r in rs); cf = collections.Counter(r['F'] for r in rs)
    n = collections.Counter()
    for r in rs:
        if r['A'] != r['F'] or r['after_first'] != r['final_first']:
            d = 'better' if rank[r['F']] > rank[r['A']] else 'worse' if rank[r['F']] < rank[r['A']] else 'same rank'
            n[d] += 1
            diffs.append((p, r, d))
    print(f"| {p} | {len(rs)} | {'/'.join(str(ca[k]) for k in 'RWXMSQ')} | {'/'.join(str(cf[k]) for k in 'RWXMSQ')} "
          f"| {n['better']} | {n['worse']} | {n['same rank']} |")
print('\n| passage | identifier | stated/inferred | AFTER | FINAL | verdict |\n|---|---|---|---|---|---|')
for d0 in ('better', 'worse', 'same rank'):
    for p, r, d in diffs:
        if d == d0:
            print(f"| {p} | `{r['ident']}` | {r['stated_or_inferred']} | {r['A']} \"{r['after_first']}\" | {r['F']} \"{r['final_first']}\" | {d} |")
print('\n' + ', '.join(f"{k}: {v}" for k, v in collections.Counter(d for _, _, d in diffs).items()))

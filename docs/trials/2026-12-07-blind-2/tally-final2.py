#!/usr/bin/env python3
"""Recompute the tables of report-final2.md.  Usage: python3 tally-final2.py
BEFORE (column B) comes from judgements.tsv; AFTER (A) and FINAL2 (F2) from judgements-final2.tsv;
FINAL (F) from judgements-final.tsv, shown only for reference.  Same counting as tally.py / tally-final.py."""
import csv, collections, os
here = os.path.dirname(os.path.abspath(__file__))
def load(name):
    return list(csv.DictReader(open(os.path.join(here, name)), delimiter='\t', quoting=csv.QUOTE_NONE))
rows, old, fin = load('judgements-final2.tsv'), load('judgements.tsv'), load('judgements-final.tsv')
assert len(rows) == len(old) == len(fin) == 224
for r, o, f in zip(rows, old, fin):   # same rows, same order, same AFTER judgements everywhere
    assert (r['passage'], r['ident']) == (o['passage'], o['ident']) == (f['passage'], f['ident'])
    assert r['after_first'] == o['after_first'] == f['after_first'] and r['A'] == o['A'] == f['A'], r['ident']
    r['B'], r['F'], r['final_first'] = o['B'], f['F'], f['final_first']
    allowed = 'RWXM' if r['stated_or_inferred'] == 'stated' else 'RWXSQ'
    for v in ('B', 'A', 'F', 'F2'):
        assert r[v] in allowed, (r['passage'], r['ident'], v, r[v])
    # consistency: identical first meaning -> identical code
    if r['final2_first'] == r['after_first']:
        assert r['F2'] == r['A'] and 'AFTER' in r['F2_code_from'], (r['passage'], r['ident'])
    if r['final2_first'] == r['final_first']:
        assert r['F2'] == r['F'] and 'FINAL' in r['F2_code_from'], (r['passage'], r['ident'])
    if r['F2_code_from'] == 'new':
        assert r['final2_first'] not in (r['after_first'], r['final_first'])

names = {'R': 'right, exact', 'W': 'right, weak', 'X': 'wrong', 'M': 'missing although stated',
         'S': 'shown although nothing stated', 'Q': 'correctly silent'}
rank = {'X': 0, 'M': 1, 'S': 1, 'Q': 2, 'W': 2, 'R': 3}
V = ('B', 'A', 'F2'); LABEL = {'B': 'BEFORE', 'A': 'AFTER', 'F': 'FINAL', 'F2': 'FINAL2'}
def pct(a, b): return f"{a} / {b} = {a / b:.0%}" if b else "-"
st = [r for r in rows if r['stated_or_inferred'] == 'stated']
inf = [r for r in rows if r['stated_or_inferred'] == 'inferred']
def table(vs):
    c = {v: collections.Counter(r[v] for r in rows) for v in vs}
    cs = {v: collections.Counter(r[v] for r in st) for v in vs}
    ci = {v: collections.Counter(r[v] for r in inf) for v in vs}
    print('| | ' + ' | '.join(LABEL[v] for v in vs) + ' |\n' + '|---' * (len(vs) + 1) + '|')
    for k in 'RWXMSQ':
        print(f"| {names[k]} ({k}) | " + ' | '.join(str(c[v][k]) for v in vs) + ' |')
    print('| **right (R+W) / stated** | ' + ' | '.join(pct(cs[v]['R']+cs[v]['W'], len(st)) for v in vs) + ' |')
    print('| **right, exact (R) / stated** | ' + ' | '.join(pct(cs[v]['R'], len(st)) for v in vs) + ' |')
    print('| **right (R+W) / shown, stated identifiers (R+W+X)** | ' + ' | '.join(
        pct(cs[v]['R']+cs[v]['W'], cs[v]['R']+cs[v]['W']+cs[v]['X']) for v in vs) + ' |')
    print('| right (R+W) / shown, all identifiers (R+W+X+S) | ' + ' | '.join(
        pct(c[v]['R']+c[v]['W'], c[v]['R']+c[v]['W']+c[v]['X']+c[v]['S']) for v in vs) + ' |')
    print('| inferred: silent (Q) / inferred | ' + ' | '.join(pct(ci[v]['Q'], len(inf)) for v in vs) + ' |')
    print('| inferred: shown and wrong (X) | ' + ' | '.join(str(ci[v]['X']) for v in vs) + ' |')
    print()
    print('Stated identifiers only:  ' + '; '.join(f"{LABEL[v]}: " + ' '.join(f"{k}={cs[v][k]}" for k in 'RWXM') for v in vs))
    print('Inferred identifiers only: ' + '; '.join(f"{LABEL[v]}: " + ' '.join(f"{k}={ci[v][k]}" for k in 'RWXSQ') for v in vs))
    print()

print(f"{len(rows)} identifiers ({len(st)} stated, {len(inf)} inferred), {len({r['passage'] for r in rows})} passages\n")
table(V)
print('For reference, with FINAL (from judgements-final.tsv):\n')
table(('A', 'F', 'F2'))
print('Where FINAL2 codes come from: ' + ', '.join(f"{k}: {v}" for k, v in collections.Counter(r['F2_code_from'] for r in rows).items()))
print()

def changes(x, xf, y, yf, lx, ly):
    print(f'| passage | n | {lx} R/W/X/M/S/Q | {ly} R/W/X/M/S/Q | better | worse | same rank |\n|---|---|---|---|---|---|---|')
    byp = collections.OrderedDict()
    for r in rows: byp.setdefault(r['passage'], []).append(r)
    diffs = []
    for p, rs in byp.items():
        cx = collections.Counter(r[x] for r in rs); cy = collections.Counter(r[y] for r in rs)
        n = collections.Counter()
        for r in rs:
            if r[x] != r[y] or r[xf] != r[yf]:
                d = 'better' if rank[r[y]] > rank[r[x]] else 'worse' if rank[r[y]] < rank[r[x]] else 'same rank'
                n[d] += 1; diffs.append((p, r, d))
        print(f"| {p} | {len(rs)} | {'/'.join(str(cx[k]) for k in 'RWXMSQ')} | {'/'.join(str(cy[k]) for k in 'RWXMSQ')} "
              f"| {n['better']} | {n['worse']} | {n['same rank']} |")
    print(f'\n| passage | identifier | stated/inferred | {lx} | {ly} | verdict |\n|---|---|---|---|---|---|')
    for d0 in ('better', 'worse', 'same rank'):
        for p, r, d in diffs:
            if d == d0:
                print(f"| {p} | `{r['ident']}` | {r['stated_or_inferred']} | {r[x]} \"{r[xf]}\" | {r[y]} \"{r[yf]}\" | {d} |")
    print('\n' + ', '.join(f"{k}: {v}" for k, v in collections.Counter(d for _, _, d in diffs).items()) + '\n')

print('## AFTER -> FINAL2\n'); changes('A', 'after_first', 'F2', 'final2_first', 'AFTER', 'FINAL2')
print('## FINAL -> FINAL2\n'); changes('F', 'final_first', 'F2', 'final2_first', 'FINAL', 'FINAL2')

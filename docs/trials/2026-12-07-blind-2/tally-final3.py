#!/usr/bin/env python3
"""Recompute the tables of report-final3.md.  Usage: python3 tally-final3.py
BEFORE (B) from judgements.tsv; AFTER (A) from judgements-final2.tsv; FINAL (F) from judgements-final.tsv;
FINAL2 (F2) and FINAL3 (F3) from judgements-final3.tsv.  Same counting as tally.py / tally-final2.py."""
import csv, collections, os
here = os.path.dirname(os.path.abspath(__file__))
def load(name):
    return list(csv.DictReader(open(os.path.join(here, name)), delimiter='\t', quoting=csv.QUOTE_NONE))
rows, f2, old, fin = (load(n) for n in ('judgements-final3.tsv', 'judgements-final2.tsv', 'judgements.tsv', 'judgements-final.tsv'))
assert len(rows) == len(f2) == len(old) == len(fin) == 224
for r, t, o, f in zip(rows, f2, old, fin):   # same rows, same order, FINAL2 columns as in judgements-final2.tsv
    assert (r['passage'], r['ident']) == (t['passage'], t['ident']) == (o['passage'], o['ident']) == (f['passage'], f['ident'])
    assert r['final2_first'] == t['final2_first'] and r['F2'] == t['F2'], r['ident']
    assert r['expected'] == t['expected'] and r['stated_or_inferred'] == t['stated_or_inferred']
    assert o['after_first'] == t['after_first'] and o['A'] == t['A']
    r['B'], r['A'], r['after_first'], r['F'], r['final_first'] = o['B'], t['A'], t['after_first'], f['F'], f['final_first']
    allowed = 'RWXM' if r['stated_or_inferred'] == 'stated' else 'RWXSQ'
    for v in ('B', 'A', 'F', 'F2', 'F3'):
        assert r[v] in allowed, (r['passage'], r['ident'], v, r[v])
    # consistency: a first meaning identical to an earlier version's has that version's code;
    # code_from names the first match in the order FINAL2, AFTER, FINAL, else 'new'
    for first, code in (('final2_first', 'F2'), ('after_first', 'A'), ('final_first', 'F')):
        if r['final3_first'] == r[first]:
            assert r['F3'] == r[code], (r['passage'], r['ident'], code)
    expect = ('FINAL2' if r['final3_first'] == r['final2_first'] else 'AFTER' if r['final3_first'] == r['after_first']
              else 'FINAL' if r['final3_first'] == r['final_first'] else 'new')
    assert r['code_from'] == expect, (r['passage'], r['ident'], r['code_from'], expect)

names = {'R': 'right, exact', 'W': 'right, weak', 'X': 'wrong', 'M': 'missing although stated',
         'S': 'shown although nothing stated', 'Q': 'correctly silent'}
rank = {'X': 0, 'M': 1, 'S': 1, 'Q': 2, 'W': 2, 'R': 3}
LABEL = {'B': 'BEFORE', 'A': 'AFTER', 'F': 'FINAL', 'F2': 'FINAL2', 'F3': 'FINAL3'}
def pct(a, b): return f"{a} / {b} = {a / b:.0%}" if b else "-"
st = [r for r in rows if r['stated_or_inferred'] == 'stated']
inf = [r for r in rows if r['stated_or_inferred'] == 'inferred']
def table(vs, data=None):
    data = data or rows
    s = [r for r in data if r['stated_or_inferred'] == 'stated']; i = [r for r in data if r['stated_or_inferred'] == 'inferred']
    c = {v: collections.Counter(r[v] for r in data) for v in vs}
    cs = {v: collections.Counter(r[v] for r in s) for v in vs}
    ci = {v: collections.Counter(r[v] for r in i) for v in vs}
    print('| | ' + ' | '.join(LABEL[v] for v in vs) + ' |\n' + '|---' * (len(vs) + 1) + '|')
    for k in 'RWXMSQ':
        print(f"| {names[k]} ({k}) | " + ' | '.join(str(c[v][k]) for v in vs) + ' |')
    print('| **right (R+W) / stated** | ' + ' | '.join(pct(cs[v]['R']+cs[v]['W'], len(s)) for v in vs) + ' |')
    print('| **right, exact (R) / stated** | ' + ' | '.join(pct(cs[v]['R'], len(s)) for v in vs) + ' |')
    print('| **right (R+W) / shown, stated identifiers (R+W+X)** | ' + ' | '.join(
        pct(cs[v]['R']+cs[v]['W'], cs[v]['R']+cs[v]['W']+cs[v]['X']) for v in vs) + ' |')
    print('| right (R+W) / shown, all identifiers (R+W+X+S) | ' + ' | '.join(
        pct(c[v]['R']+c[v]['W'], c[v]['R']+c[v]['W']+c[v]['X']+c[v]['S']) for v in vs) + ' |')
    print('| inferred: silent (Q) / inferred | ' + ' | '.join(pct(ci[v]['Q'], len(i)) for v in vs) + ' |')
    print('| inferred: shown and wrong (X) | ' + ' | '.join(str(ci[v]['X']) for v in vs) + ' |')
    print()
    print('Stated identifiers only:  ' + '; '.join(f"{LABEL[v]}: " + ' '.join(f"{k}={cs[v][k]}" for k in 'RWXM') for v in vs))
    print('Inferred identifiers only: ' + '; '.join(f"{LABEL[v]}: " + ' '.join(f"{k}={ci[v][k]}" for k in 'RWXSQ') for v in vs))
    print()

print(f"{len(rows)} identifiers ({len(st)} stated, {len(inf)} inferred), {len({r['passage'] for r in rows})} passages\n")
table(('B', 'A', 'F2', 'F3'))
print('For reference, with FINAL (from judgements-final.tsv):\n')
table(('A', 'F', 'F2', 'F3'))
print('Where FINAL3 codes come from: ' + ', '.join(f"{k}: {v}" for k, v in collections.Counter(r['code_from'] for r in rows).items()))
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

print('## FINAL2 -> FINAL3\n'); changes('F2', 'final2_first', 'F3', 'final3_first', 'FINAL2', 'FINAL3')
print('## AFTER -> FINAL3\n'); changes('A', 'after_first', 'F3', 'final3_first', 'AFTER', 'FINAL3')

# sensitivity of the two judgement calls among the new FINAL3 codes
def alt(mod, title):
    data = [dict(r) for r in rows]
    for r in data:
        if (r['passage'], r['ident']) in mod: r['F3'] = mod[(r['passage'], r['ident'])]
    print(f'### Sensitivity: {title}\n'); table(('F2', 'F3'), data)
alt({('p06', 'k'): 'W'}, "p06 k 'power' counted W instead of X")
alt({('p08', '\\varepsilon'): 'S', ('p08', 'a'): 'S', ('p08', 'b'): 'S'}, "p08 epsilon 'real number', a and b 'variable' counted S instead of W")

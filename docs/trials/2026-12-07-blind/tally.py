import csv,collections
rows=list(csv.DictReader(open('judgements.tsv'),delimiter='\t'))
names={'R':'right (exact)','W':'right (weak)','X':'wrong','M':'missing although stated','S':'shown although nothing stated','Q':'correctly silent'}
rank={'X':0,'S':1,'M':1,'Q':2,'W':2,'R':3}
def stats(rs,v):
    c=collections.Counter(r[v] for r in rs)
    stated=c['R']+c['W']+c['X']+c['M']; shown=c['R']+c['W']+c['X']+c['S']; ns=c['S']+c['Q']
    return c,stated,shown,ns
out=[]
out.append('| category | BEFORE | AFTER |\n|---|---|---|')
cs={v:stats(rows,v) for v in 'BA'}
for k in 'RWXMSQ':
    out.append(f"| {names[k]} | {cs['B'][0][k]} ({cs['B'][0][k]/len(rows):.0%}) | {cs['A'][0][k]} ({cs['A'][0][k]/len(rows):.0%}) |")
out.append(f"| **total identifiers** | {len(rows)} | {len(rows)} |")
for v in 'BA':pass
def line(label,f):
    out.append(f"| {label} | {f('B')} | {f('A')} |")
line('stated identifiers (R+W+X+M)',lambda v:cs[v][1])
line('recall: right incl. weak / stated',lambda v:f"{cs[v][0]['R']+cs[v][0]['W']}/{cs[v][1]} = {(cs[v][0]['R']+cs[v][0]['W'])/cs[v][1]:.0%}")
line('recall: exact only / stated',lambda v:f"{cs[v][0]['R']}/{cs[v][1]} = {cs[v][0]['R']/cs[v][1]:.0%}")
line('precision: right incl. weak / shown (R+W+X+S)',lambda v:f"{cs[v][0]['R']+cs[v][0]['W']}/{cs[v][2]} = {(cs[v][0]['R']+cs[v][0]['W'])/cs[v][2]:.0%}")
line('precision excl. harmless S (R+W)/(R+W+X)',lambda v:f"{cs[v][0]['R']+cs[v][0]['W']}/{cs[v][0]['R']+cs[v][0]['W']+cs[v][0]['X']} = {(cs[v][0]['R']+cs[v][0]['W'])/(cs[v][0]['R']+cs[v][0]['W']+cs[v][0]['X']):.0%}")
line('unstated identifiers kept silent (Q/(Q+S))',lambda v:f"{cs[v][0]['Q']}/{cs[v][3]} = {cs[v][0]['Q']/cs[v][3]:.0%}")
print('\n'.join(out))
print()
print('| passage | n | BEFORE R/W/X/M/S/Q | AFTER R/W/X/M/S/Q | better | worse |\n|---|---|---|---|---|---|')
bypass=collections.OrderedDict()
for r in rows: bypass.setdefault(r['passage'],[]).append(r)
diffs=[]
for p,rs in bypass.items():
    cb=collections.Counter(r['B'] for r in rs); ca=collections.Counter(r['A'] for r in rs)
    bt=wr=0
    for r in rs:
        if r['B']!=r['A']:
            d='better' if rank[r['A']]>rank[r['B']] else 'worse' if rank[r['A']]<rank[r['B']] else 'neutral'
            bt+=d=='better'; wr+=d=='worse'
            diffs.append((p,r,d))
    print(f"| {p} | {len(rs)} | {'/'.join(str(cb[k]) for k in 'RWXMSQ')} | {'/'.join(str(ca[k]) for k in 'RWXMSQ')} | {bt} | {wr} |")
print()
print('| passage | identifier | BEFORE | AFTER | verdict |\n|---|---|---|---|---|')
for p,r,d in diffs:
    print(f"| {p} | {r['ident']} | {r['B']} \"{r['before_first']}\" | {r['A']} \"{r['after_first']}\" | {d} |")
c=collections.Counter(d for _,_,d in diffs); print(); print(dict(c))

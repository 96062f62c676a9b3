"""Selects the bundled xdi-measured spectra from the XAS Data Library (run with /usr/bin/python3).
Criteria: parseable XDI (declared columns, numbers only, strictly increasing energy), an absorption
column set (mutrans, mufluor, i0+itrans, i0+ifluor), data covering edge-20..edge+60 eV with at least
40 points there; then up to 2 files per element/edge, preferring distinct formulas."""
import os, re, sys, collections, shutil
SRC = '/work/shared/data/xas_data_library/data'
E0 = {('As','K'):11867,('Au','L3'):11919,('Au','L2'):13734,('Au','L1'):14353,('Cd','K'):26711,('Ce','L3'):5723,
      ('Co','K'):7709,('Cr','K'):5989,('Cu','K'):8979,('Eu','L3'):6977,('Fe','K'):7112,('Mn','K'):6539,('Ni','K'):8333,
      ('Pb','L3'):13035,('Pb','L2'):15200,('Pb','L1'):15861,('Pt','L3'):11564,('S','K'):2472,('Se','K'):12658,
      ('Sr','K'):16105,('V','K'):5465,('W','L3'):10207,('Zn','K'):9659}
ok = collections.defaultdict(list); bad = collections.Counter()
for root, _, fs in os.walk(SRC):
    for f in sorted(fs):
        p = os.path.join(root, f)
        if not f.endswith('.xdi') or f == 'uploadtest.xdi': continue
        L = open(p, encoding='utf-8', errors='replace').read().splitlines()
        if not re.match(r'#\s*XDI/', L[0]): bad['nohdr'] += 1; continue
        fields = {}; cols = {}; data = []; inh = True
        for l in L[1:]:
            s = l.strip()
            if not s: continue
            if s.startswith('#'):
                b = s[1:].strip()
                if b.startswith('///') or b.startswith('---'): inh = False; continue
                if inh and ':' in b:
                    k, v = b.split(':', 1); fields[k.strip()] = v.strip()
                    if k.strip().lower().startswith('column.'): cols[int(k.strip()[7:])] = v.split()[0].lower()
                continue
            data.append(s.split())
        names = [cols[i] for i in sorted(cols)]
        try: d = [[float(x) for x in r] for r in data]
        except ValueError: bad['nonnum'] += 1; continue
        if any(len(r) != len(names) for r in d): bad['ragged'] += 1; continue
        if 'energy' not in names: bad['noenergy'] += 1; continue
        e = [r[names.index('energy')] for r in d]
        if any(b <= a for a, b in zip(e, e[1:])): bad['nonmono'] += 1; continue
        if not ({'mutrans'} & set(names) or {'mufluor'} & set(names) or {'i0','itrans'} <= set(names) or {'i0','ifluor'} <= set(names)):
            bad['nomode'] += 1; continue
        if 'itrans' in names and not any(m in names for m in ('mutrans', 'mufluor')):
            if any(r[names.index('i0')] <= 0 or r[names.index('itrans')] <= 0 for r in d): bad['nonpos'] += 1; continue
        key = (fields.get('Element.symbol', '').strip(), fields.get('Element.edge', '').strip())
        e0 = E0.get(key)
        if not e0: bad['noE0'] += 1; continue
        n = sum(1 for x in e if e0 - 20 <= x <= e0 + 60)
        if e[0] > e0 - 20 or e[-1] < e0 + 60 or n < 40: bad['range'] += 1; continue
        ok[key].append((p, fields.get('Sample.formula', '').strip(), n))
print(dict(bad), file=sys.stderr)
chosen = []
for key, v in sorted(ok.items()):
    seen = set(); pick = []
    for p, formula, n in sorted(v, key=lambda x: -x[2]):
        if formula in seen: continue
        seen.add(formula); pick.append(p)
        if len(pick) == 2: break
    chosen += pick
    print(key, len(v), [os.path.basename(x) for x in pick], file=sys.stderr)
print(len(chosen), 'files', file=sys.stderr)
if len(sys.argv) > 1:
    out = sys.argv[1]; os.makedirs(out, exist_ok=True)
    for p in chosen: shutil.copy(p, os.path.join(out, os.path.basename(p)))

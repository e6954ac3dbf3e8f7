"""Flattens a CSAF corpus into one TSV line per product leaf, independently of the Java matcher.

Usage: python3 corpus_leaves.py /path/to/shared/data/csaf/cisa leaves.tsv
Columns: tracking id, vendor branch, product name (and family) branches, version branch, product
id, product_status categories naming the id, model_numbers, full product name.
"""
import glob
import json
import sys

corpus, target = sys.argv[1], sys.argv[2]
rows = []
for path in glob.glob(corpus + '/**/*.json', recursive=True):
    try:
        d = json.load(open(path, encoding='utf-8'))
    except (ValueError, OSError):
        continue
    tid = d.get('document', {}).get('tracking', {}).get('id') if isinstance(d, dict) else None
    if not tid:
        continue
    status = {}
    for v in d.get('vulnerabilities', []):
        for cat, ids in v.get('product_status', {}).items():
            for i in ids:
                status.setdefault(i, set()).add(cat)

    def walk(branches, trail):
        for b in branches or []:
            here = trail + [(b.get('category'), b.get('name', ''))]
            if 'product' in b:
                fp = b['product']
                helper = fp.get('product_identification_helper', {})
                rows.append((tid, here, fp.get('product_id'), fp.get('name'),
                             helper.get('model_numbers', []),
                             sorted(status.get(fp.get('product_id'), []))))
            walk(b.get('branches'), here)

    walk(d.get('product_tree', {}).get('branches'), [])
with open(target, 'w', encoding='utf-8') as out:
    for tid, trail, pid, name, models, st in rows:
        vendor = next((n for c, n in trail if c == 'vendor'), '')
        product = ' / '.join(n for c, n in trail if c in ('product_name', 'product_family'))
        version = ' / '.join(n for c, n in trail if c in ('product_version', 'product_version_range'))
        out.write('\t'.join([tid, vendor.strip(), product.strip(), version.strip(), pid or '',
                             ','.join(st), ' '.join(models)[:300], (name or '')[:200]]) + '\n')
print(len(rows), 'leaves')

"""Lists the corpus leaves whose vendor and product (or model numbers, or full name) match two
regular expressions (case-insensitive), one per line: id | vendor | product | version | status.

Usage: python3 candidates.py leaves.tsv VENDOR_REGEX PRODUCT_REGEX
The labeller then reads every candidate's version text against the device's firmware by hand.
"""
import re
import sys

leaves, vendor, product = sys.argv[1], re.compile(sys.argv[2], re.I), re.compile(sys.argv[3], re.I)
for line in open(leaves, encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if vendor.search(f[1]) and (product.search(f[2]) or product.search(f[6]) or product.search(f[7])):
        print(' | '.join([f[0], f[1], f[2], f[3], f[5]]))

"""JUnit XML: a test suite per input file, a test case per item; items at or above
``--fail-on`` are failures."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import IO

from .common import at_or_above, message, relpath


def report(report, context: dict, stream: IO[str]) -> None:
    fail_on = context.get("fail_on", "error")
    by_file = defaultdict(list)
    for it in report.items:
        by_file[relpath(it.claim.file)].append(it)
    root = ET.Element("testsuites", name="factcheck")
    total = failures = 0
    for file, items in sorted(by_file.items()):
        suite = ET.SubElement(root, "testsuite", name=file, tests=str(len(items)))
        n_fail = 0
        for it in items:
            c = it.claim
            case = ET.SubElement(
                suite, "testcase", classname=file, name=f"{c.id} {c.kind}: {c.text[:80]}", file=file, line=str(c.line)
            )
            if at_or_above(it, fail_on):
                n_fail += 1
                f = ET.SubElement(case, "failure", message=message(it), type=it.verdict)
                f.text = "\n".join(f"{x.type} ({x.severity}): {x.message}" for x in it.findings)
            elif it.verdict != "verified":
                ET.SubElement(case, "system-out").text = f"{it.verdict}: {message(it)}"
        suite.set("failures", str(n_fail))
        suite.set("errors", "0")
        total += len(items)
        failures += n_fail
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="utf-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")

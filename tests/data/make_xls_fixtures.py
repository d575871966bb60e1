#!/usr/bin/python3
"""Remakes the .xls fixtures of tests/unit/test_workbook.cpp (run from anywhere):

  workbook.xls    two sheets made with openpyxl and saved as Excel 97-2003 by LibreOffice
  encrypted.xls   workbook.xls with its Workbook stream renamed EncryptedPackage: the OLE
                  layout of a password-protected .xlsx (MS-OFFCRYPTO), which also arrives
                  under an .xls name
  not_excel.doc   workbook.xls with its Workbook stream renamed WordDocument: an OLE file
                  without a workbook, as a Word 97-2003 document is

Needs python3-openpyxl and LibreOffice (soffice).
"""
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def make_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["姓名", "身份证号", "年份", "工资", "派出时间", "登记时间", "派出单位"])
    ws.append(["罗鸿灵", "511028197003141730", 2006, 1979.5, datetime.date(2006, 8, 1),
               datetime.datetime(2006, 8, 1, 13, 45, 0), "隆昌县国土资源局"])
    ws.append(["何俊杰", "511002198104161811", 2007, 2100, datetime.date(2006, 9, 1),
               datetime.datetime(2006, 9, 1, 0, 0, 0), None])
    ws.append([])  # an empty row, skipped
    ws.append(["王五", 5.11025198003150e17, 2008, 0.1, None, None, None])
    ws.merge_cells("G2:G3")
    for cell in ws["E"][1:] + ws["F"][1:]:
        cell.number_format = "yyyy-mm-dd hh:mm:ss" if cell.column_letter == "F" else "yyyy-mm-dd"
    ws.row_dimensions[5].hidden = True
    second = wb.create_sheet("第二页")
    second.append(["只有一格"])
    wb.save(path)


def convert(src, fmt, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL)


def rename_stream(data, old, new):
    """Renames an OLE directory entry (128-byte entries: UTF-16LE name, its byte length)."""
    name = (old + "\0").encode("utf-16-le")
    at = data.find(name)
    while at >= 0 and at % 128 != 0:
        at = data.find(name, at + 1)
    assert at >= 0, "no %s stream" % old
    encoded = (new + "\0").encode("utf-16-le")
    data[at:at + 64] = encoded + b"\0" * (64 - len(encoded))
    data[at + 64:at + 66] = len(encoded).to_bytes(2, "little")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = os.path.join(tmp, "workbook.xlsx")
        make_workbook(xlsx)
        convert(xlsx, "xls", tmp)
        shutil.copy(os.path.join(tmp, "workbook.xls"), os.path.join(HERE, "workbook.xls"))
        for new, fixture in (("EncryptedPackage", "encrypted.xls"), ("WordDocument", "not_excel.doc")):
            data = bytearray(open(os.path.join(HERE, "workbook.xls"), "rb").read())
            rename_stream(data, "Workbook", new)
            open(os.path.join(HERE, fixture), "wb").write(data)


if __name__ == "__main__":
    main()

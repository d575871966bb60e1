#!/usr/bin/python3
"""Remakes the .xls fixtures of tests/unit/test_workbook.cpp (run from anywhere):

  workbook.xls    two sheets made with openpyxl and saved as Excel 97-2003 by LibreOffice
  formats.xlsx    what FreeXL alone loses, made with openpyxl: booleans, errors, month-only
                  and other date formats, fixed decimals, merged ranges across and down,
                  hidden rows; the unit tests read it and
  formats.xls     its copy saved by LibreOffice, cell for cell
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


def make_formats(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "格式"
    ws.append(["姓名", "在编", "派出时间", "结束时间", "工资", "登记时间", "备注"])
    formats = {"C": "yyyy.mm", "D": 'yyyy"年"m"月"', "E": "0.00", "F": "yyyy-mm-dd hh:mm"}
    ws.append(["罗鸿灵", True, datetime.date(2006, 8, 1), datetime.date(2008, 7, 31), 1979.1,
               datetime.datetime(2006, 8, 1, 13, 45), False])
    ws.append(["何俊杰", False, datetime.date(2007, 3, 1), datetime.date(2009, 2, 28), 2100,
               datetime.datetime(2007, 3, 1), "#N/A"])
    ws.append(["王五", "#DIV/0!", datetime.date(2008, 1, 1), None, 0.125, None, 12.5])
    ws.append(["合并到右", None, None, "下一格", -3.14159, None, "#VALUE!"])
    ws.append(["赵六", True, datetime.date(2010, 12, 1), datetime.date(2011, 11, 30), 1e16,
               None, "隐藏"])
    ws.append([None, None, None, None, None, None, "合并到下"])
    ws.append([None, None, None, None, None, None, None])
    ws.append(["孙七", None, datetime.date(2012, 5, 1), None, 0.005, None, "最后"])
    for column, code in formats.items():
        for cell in ws[column][1:]:
            cell.number_format = code
    ws.merge_cells("A5:C5")  # across
    ws.merge_cells("G7:G8")  # down, over a row with nothing else
    ws.merge_cells("D6:E7")  # both
    ws.row_dimensions[4].hidden = True
    ws.row_dimensions[6].hidden = True
    ws.row_dimensions[8].hidden = True  # data only from the merged range above
    wb.save(path)


def convert(src, fmt, outdir):
    with tempfile.TemporaryDirectory() as profile:  # a private profile: parallel runs
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + profile,
                        "--convert-to", fmt, "--outdir", outdir, src],
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
        formats = os.path.join(HERE, "formats.xlsx")
        make_formats(formats)
        convert(formats, "xls", HERE)
        for new, fixture in (("EncryptedPackage", "encrypted.xls"), ("WordDocument", "not_excel.doc")):
            data = bytearray(open(os.path.join(HERE, "workbook.xls"), "rb").read())
            rename_stream(data, "Workbook", new)
            open(os.path.join(HERE, fixture), "wb").write(data)


if __name__ == "__main__":
    main()

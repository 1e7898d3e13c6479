"""Reference CDF files written by an independent writer, Python cdflib (pip install cdflib
numpy), for the workbook's CDF reader (tests/workbook/cdf.rs). Rerun from the repository root:

    python3 tests/data/cdflib/write_reference.py

Every file holds the same three variables, so one test checks them all:
  Epoch  TT2000, 3 records: 2017-07-11T22:34:02, +1.5 s, +3 s (UTC)
  b      REAL4, records of shape [3, 4], value 100*record + 4*row + column, except record 1,
         row 2, column 3, which is the FILLVAL -1e31; UNITS "nT", DEPEND_0 "Epoch"
  wide   REAL4, records of shape [64], value 1000*record + column//8 (repetitive, so that GZIP
         shrinks it and the compressed variant really holds a compressed block)
  theta  REAL8, one record for all times (NRV), [11.25, 33.75, 56.25]
The variants differ only in how they are stored: row-major (the default), column-major,
GZIP per variable, GZIP of the whole file, and big-endian values.
"""

from pathlib import Path

import cdflib
import numpy as np
from cdflib.cdfwrite import CDF

HERE = Path(__file__).parent
VARIANTS = {
    "row_major": ({}, 0),
    "column_major": ({"Majority": "Column_major"}, 0),
    "gzip_variables": ({}, 6),
    "gzip_file": ({"Compressed": 6}, 0),
    "big_endian": ({"Encoding": 1}, 0),
}

times = cdflib.cdfepoch.compute_tt2000(
    [[2017, 7, 11, 22, 34, 2, 0, 0, 0], [2017, 7, 11, 22, 34, 3, 500, 0, 0], [2017, 7, 11, 22, 34, 5, 0, 0, 0]]
)
record, row, column = np.meshgrid(np.arange(3), np.arange(3), np.arange(4), indexing="ij")
b = (100 * record + 4 * row + column).astype(np.float32)
b[1, 2, 3] = -1e31

for name, (spec, compression) in VARIANTS.items():
    path = HERE / f"{name}.cdf"
    path.unlink(missing_ok=True)
    cdf = CDF(str(path), cdf_spec=spec)
    cdf.write_globalattrs({"Logical_source": {0: "mms1_test_reference"}})
    cdf.write_var(
        {"Variable": "Epoch", "Data_Type": 33, "Num_Elements": 1, "Rec_Vary": True, "Dim_Sizes": []},
        var_attrs={"FILLVAL": [np.int64(-9223372036854775808), "CDF_TIME_TT2000"]},
        var_data=np.array(times),
    )
    cdf.write_var(
        {"Variable": "b", "Data_Type": 21, "Num_Elements": 1, "Rec_Vary": True, "Dim_Sizes": [3, 4],
         "Compress": compression},
        var_attrs={"FILLVAL": np.float32(-1e31), "DEPEND_0": "Epoch", "UNITS": "nT"},
        # cdflib writes the array's bytes as they lie: for a column-major file, lay each
        # record out column-major first, so the file means the same b.
        var_data=np.ascontiguousarray(b.transpose(0, 2, 1)).reshape(b.shape) if "Majority" in spec else b,
    )
    cdf.write_var(
        {"Variable": "wide", "Data_Type": 21, "Num_Elements": 1, "Rec_Vary": True, "Dim_Sizes": [64],
         "Compress": compression},
        var_attrs={"DEPEND_0": "Epoch"},
        var_data=(1000 * np.arange(3)[:, None] + np.arange(64)[None, :] // 8).astype(np.float32),
    )
    cdf.write_var(
        {"Variable": "theta", "Data_Type": 22, "Num_Elements": 1, "Rec_Vary": False, "Dim_Sizes": [3]},
        var_attrs={"UNITS": "deg"},
        var_data=np.array([11.25, 33.75, 56.25]),
    )
    cdf.close()
    back = cdflib.CDF(str(path)).varget("b")
    assert back.shape == (3, 3, 4) and back[2, 1, 0] == 204, f"{name}: cdflib does not read back what it wrote"
    print(path.name, path.stat().st_size, "bytes")

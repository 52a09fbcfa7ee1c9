"""Tesseract builds compared: the tesserocr wheel (bundled 5.5.4) against Debian's 5.3 CLI.

    python -m benchmarks.compare_tesseract_builds

Same degraded 200 dpi scans of every 5th dataset invoice, same deu data, psm 3,
OMP_THREAD_LIMIT=1; the CLI time includes its process start and model load.
"""
import os, time, subprocess
Path_tmp = "/tmp/ocrmesh-tcmp"
os.makedirs(Path_tmp, exist_ok=True)
os.environ["OMP_THREAD_LIMIT"]="1"
from pathlib import Path
from PIL import Image, ImageOps
from benchmarks.synth.degrade import render_scanned_pdf
from benchmarks.bench_engines import tokens, recall
from services.intake.document import open_document
from services.pdftext.textlayer import read_page
import tesserocr
pdfs = sorted(Path("../shared/datasets/zugferd-awv").glob("*.pdf"))[1::5]
imgs, refs = [], []
for n,p in enumerate(pdfs):
    c=p.read_bytes()
    with open_document(c) as d: ref=[read_page(d.pdf,i).text for i in range(d.page_count)]
    s=render_scanned_pdf(c, seed=50+n, dpi=200)
    with open_document(s) as d:
        for i in range(d.page_count):
            f=f"/tmp/ocrmesh-tcmp/p{len(imgs)}.png"; ImageOps.grayscale(d.render(i,300)).save(f); imgs.append(f); refs.append(ref[i])
api=tesserocr.PyTessBaseAPI(path="/usr/share/tesseract-ocr/5/tessdata", lang="deu", psm=3)
h=N=0; t=time.perf_counter()
for f,r in zip(imgs,refs):
    api.SetImageFile(f); a,b=recall(tokens(r), tokens(api.GetUTF8Text())); h+=a; N+=b
print("wheel 5.5.4", f"{100*h/N:.2f}", f"{(time.perf_counter()-t)/len(imgs):.2f}s/page", len(imgs))
Path("/tmp/ocrmesh-tcmp/list.txt").write_text("\n".join(imgs))
h=N=0; t=time.perf_counter()
for f,r in zip(imgs,refs):
    out=subprocess.run(["tesseract",f,"-","-l","deu","--psm","3"],capture_output=True,text=True,env={**os.environ,"OMP_THREAD_LIMIT":"1"}).stdout
    a,b=recall(tokens(r), tokens(out)); h+=a; N+=b
print("debian 5.3 cli", f"{100*h/N:.2f}", f"{(time.perf_counter()-t)/len(imgs):.2f}s/page (incl. process start)")

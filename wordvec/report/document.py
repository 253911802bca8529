"""A document as a list of blocks, written out as Markdown or as one self-contained HTML page.

A block is a tuple whose first item says what it is:

* ``("heading", level, text)``;
* ``("text", paragraph)``;
* ``("table", header, rows)``, every cell a string;
* ``("figure", stem, caption, Figure)``: a matplotlib figure, linked as
  ``stem.png`` in Markdown (the caller saves it there) and embedded in HTML;
* ``("link", href, text, after)``: a paragraph that is a link, then plain text.

The report of ``wordvec compare`` is written both ways from the same blocks,
so the two never disagree.

>>> blocks = [("heading", 1, "Scores"), ("table", ("model", "WS353"), [("sg", "0.66")])]
>>> print(markdown(blocks))
# Scores
<BLANKLINE>
| model | WS353 |
| --- | --- |
| sg | 0.66 |
<BLANKLINE>
>>> "<th>WS353</th>" in html_page(blocks, "Scores")
True
"""
import html

from ..plot.base import data_uri


def markdown(blocks):
    """The blocks as one Markdown text; a figure is a link to ``stem.png`` beside it."""
    out = []
    for kind, *content in blocks:
        if kind == "heading":
            out.append("#" * content[0] + " " + content[1])
        elif kind == "text":
            out.append(content[0])
        elif kind == "table":
            header, body = content
            out.append("\n".join("| " + " | ".join(cells) + " |" for cells in
                                 [header, ["---"] * len(header), *body]))
        elif kind == "figure":
            stem, caption, _ = content
            out.append(f"![{caption}]({stem}.png)\n\n*{caption}*")
        elif kind == "link":
            href, text, after = content
            out.append(f"[{text}]({href}){after}")
    return "\n\n".join(out) + "\n"


STYLE = ("body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}"
         "table{border-collapse:collapse;margin:1em 0;font-size:90%}"
         "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
         "th{background:#f3f3f3}img{max-width:100%}figcaption{color:#555;font-style:italic}")


def html_page(blocks, title):
    """The blocks as one self-contained HTML page: the style inline, every figure embedded."""
    esc = html.escape
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{esc(title)}</title>"
           f"<style>{STYLE}</style></head><body>"]
    for kind, *content in blocks:
        if kind == "heading":
            out.append(f"<h{content[0]}>{esc(content[1])}</h{content[0]}>")
        elif kind == "text":
            out.append(f"<p>{esc(content[0])}</p>")
        elif kind == "table":
            header, body = content
            out.append("<table><tr>" + "".join(f"<th>{esc(cell)}</th>" for cell in header)
                       + "</tr>" + "".join("<tr>" + "".join(f"<td>{esc(cell)}</td>"
                                                            for cell in row) + "</tr>"
                                           for row in body) + "</table>")
        elif kind == "link":
            href, text, after = content
            out.append(f"<p><a href='{esc(href)}'>{esc(text)}</a>{esc(after)}</p>")
        elif kind == "figure":
            stem, caption, fig = content
            out.append(f"<figure><img src='{data_uri(fig)}' alt='{esc(caption)}'>"
                       f"<figcaption>{esc(caption)}</figcaption></figure>")
    return "\n".join(out + ["</body></html>"]) + "\n"

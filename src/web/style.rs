//! The one style sheet (`/style.css`): large targets, visible focus,
//! one column that reads at 320 px, and a print layout without the forms.

pub const CSS: &str = r#"*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
header,main,footer{max-width:42rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #767676}
header p{margin:0}
.skip{position:absolute;left:-999px}
.skip:focus{position:static}
.brand{font-weight:700;font-size:1.25rem}
h1{font-size:1.5rem;line-height:1.25}
h2{font-size:1.2rem}
.progress{margin-top:-.5rem;color:#444}
.section{font-size:1rem;text-transform:uppercase;letter-spacing:.04em;color:#0b4f8a;margin:.5rem 0}
.lettered{list-style:none;padding-left:0;margin:0 0 1rem}
.lettered li{margin:.4rem 0;padding-left:1.75rem;text-indent:-1.75rem}
.lettered span{display:inline-block;width:1.75rem;text-indent:0;font-weight:700}
fieldset{border:0;padding:0;margin:0 0 1rem}
legend{font-size:1.25rem;font-weight:700;padding:0;margin-bottom:.75rem}
.options{display:flex;flex-direction:column;gap:.6rem}
button,.option,input[type=text],input[type=number]{font:inherit;font-size:1.1rem;min-height:3rem;border-radius:.5rem}
button{padding:.6rem 1rem;border:2px solid #0b4f8a;background:#0b4f8a;color:#fff;cursor:pointer;text-align:left}
button.secondary{background:#fff;color:#0b4f8a}
.option{display:flex;align-items:center;gap:.6rem;padding:.6rem 1rem;border:2px solid #0b4f8a;background:#fff}
.option input{flex:none;width:1.4rem;height:1.4rem}
input[type=text],input[type=number]{width:100%;padding:.5rem;border:2px solid #555;background:#fff;color:#1a1a1a}
label{display:block;margin:.5rem 0 .25rem;font-weight:600}
.option{font-weight:400;margin:0}
:focus-visible{outline:4px solid #c75000;outline-offset:2px}
.said{background:#eef4fa;border-left:4px solid #0b4f8a;padding:.5rem .75rem}
.unclear{background:#fff4e5;border-left:4px solid #8a4b00;padding:.5rem .75rem}
.check{background:#fff4e5;border:2px solid #8a4b00;border-radius:.5rem;padding:.5rem .75rem;margin:1rem 0}
details{margin:1rem 0;padding:.5rem .75rem;border:1px solid #767676;border-radius:.5rem}
summary{cursor:pointer;font-weight:600}
.row{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.row form{margin:0}
.so-far ol{padding-left:2rem}
.so-far li{margin:.5rem 0}
.so-far form{display:inline}
.so-far button{min-height:2.5rem;font-size:1rem;padding:.3rem .75rem;margin-left:.5rem}
.result{border:4px solid #333;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.result h1{margin:0}
.treat{border-color:#1d6b2f;background:#eaf6ec}
.modify{border-color:#8a5a00;background:#fff6e0}
.refer,.urgent{border-color:#a4001d;background:#fdecee}
.emergency{border:6px solid #a4001d;background:#a4001d;color:#fff}
.emergency h1{font-size:2rem}
.emergency p{font-size:1.25rem;font-weight:700}
footer{border-top:1px solid #767676;font-size:.95rem}
.call{font-weight:700;color:#a4001d}
@media print{
form,.row,details,.skip,.no-print,.so-far button{display:none}
a{color:#000}
.section{color:#000}
body{font-size:11pt;color:#000}
header,main,footer{max-width:none;padding:0}
.emergency{background:#fff;color:#000}
}
"#;

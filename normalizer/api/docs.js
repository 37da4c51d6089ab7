"use strict";
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
};
const ref = r => r && r.$ref ? r.$ref.split("/").pop() : null;
const typeOf = s => {
  if (!s) return "";
  if (s.$ref) return ref(s);
  if (s.type === "array") return typeOf(s.items) + "[]";
  return (s.type || "object") + (s.enum ? " (" + s.enum.join(" | ") + ")" : "") + (s.nullable ? " | null" : "");
};
const bodySchema = c => c && c["application/json"] ? typeOf(c["application/json"].schema) : "";

function tryForm(path, params) {
  const form = el("form");
  params.filter(p => p.in === "query").forEach(p =>
    form.append(el("label", {}, p.name + " ", el("input", {name: p.name})), " "));
  const out = el("pre");
  form.append(el("button", {type: "submit"}, "Try"), out);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const query = new URLSearchParams([...new FormData(form)].filter(([, v]) => v !== ""));
    const response = await fetch(path + (query.toString() ? "?" + query : ""));
    const text = await response.text();
    try { out.textContent = response.status + "\n" + JSON.stringify(JSON.parse(text), null, 2); }
    catch { out.textContent = response.status + "\n" + text; }
  });
  return form;
}

function operation(path, method, op) {
  const params = op.parameters || [];
  const box = el("div", {class: "op"},
    el("div", {}, el("span", {class: "method " + method}, method), " ", el("code", {}, path), " ",
       el("span", {}, op.summary || "")));
  if (op.description) box.append(el("p", {}, op.description));
  if (params.length) box.append(el("table", {},
    el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "type"), el("th", {}, "about")),
    params.map(p => el("tr", {}, el("td", {}, el("code", {}, p.name), p.required ? " *" : ""),
      el("td", {}, p.in), el("td", {}, typeOf(p.schema)), el("td", {}, p.description || "")))));
  if (op.requestBody) box.append(el("p", {}, "body: ", el("code", {}, bodySchema(op.requestBody.content))));
  box.append(el("table", {}, Object.entries(op.responses || {}).map(([code, r]) =>
    el("tr", {}, el("td", {}, code), el("td", {}, r.description || ""),
       el("td", {}, el("code", {}, bodySchema(r.content)))))));
  const placeholders = /[{<]/.test(path);
  if (method === "get" && !placeholders) box.append(tryForm(path, params));
  return box;
}

function schema(name, s) {
  const props = s.properties || {};
  const required = new Set(s.required || []);
  return el("div", {class: "op", id: "schema-" + name}, el("strong", {}, name),
    s.description ? el("p", {}, s.description) : "",
    el("table", {}, Object.entries(props).map(([k, v]) =>
      el("tr", {}, el("td", {}, el("code", {}, k), required.has(k) ? " *" : ""),
         el("td", {}, typeOf(v)), el("td", {}, v.description || "")))));
}

fetch("openapi.json").then(r => r.json()).then(spec => {
  document.getElementById("title").textContent = spec.info.title + " " + spec.info.version;
  document.getElementById("intro").append(el("p", {}, spec.info.description || ""));
  const ops = document.getElementById("ops");
  Object.entries(spec.paths).forEach(([path, methods]) =>
    Object.entries(methods).filter(([m]) => m !== "parameters").forEach(([m, op]) =>
      ops.append(operation(path, m, op))));
  const schemas = (spec.components || {}).schemas || {};
  Object.entries(schemas).forEach(([name, s]) => document.getElementById("schemas").append(schema(name, s)));
}).catch(err => { document.getElementById("ops").textContent = "could not load openapi.json: " + err; });

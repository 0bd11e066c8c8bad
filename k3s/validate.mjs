// Validates Kubernetes manifests offline: every object of every YAML file given (multi-document files included) is
// checked against the Kubernetes OpenAPI schema of its apiVersion/kind, as shipped by the kubernetes-models package.
// Unknown kinds are errors, so a manifest is never silently left unchecked. The OpenAPI schemas allow any extra field,
// so unknown fields (a typo such as "failureThresold") are found separately, by walking each object against the
// attribute maps of the @kubernetes/client-node models (the same OpenAPI, generated into classes).
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import * as k8s from "@kubernetes/client-node";

// Lists the fields of obj (and of its nested objects) that the model type does not define.
function unknownFields(obj, type, path) {
  if (obj === null || obj === undefined) return [];
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return Array.isArray(obj) ? obj.flatMap((item, i) => unknownFields(item, array[1], `${path}[${i}]`)) : [];
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return Object.entries(obj).flatMap(([key, value]) => unknownFields(value, map[1], `${path}.${key}`));
  const model = k8s[type];
  if (typeof model?.getAttributeTypeMap !== "function" || typeof obj !== "object" || Array.isArray(obj)) return [];
  const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  return Object.entries(obj).flatMap(([key, value]) =>
    attributes.has(key) ? unknownFields(value, attributes.get(key), `${path}.${key}`) : [`${path}.${key}`]);
}

let objects = 0;
const problems = [];
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const [index, doc] of docs.entries()) {
    const where = `${file} (document ${index + 1})`;
    if (doc.errors.length > 0) {
      problems.push(`${where}: YAML error: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue;
    const { apiVersion, kind } = obj;
    if (!apiVersion || !kind) {
      problems.push(`${where}: missing apiVersion or kind`);
      continue;
    }
    if (apiVersion.startsWith("kustomize.config.k8s.io/")) continue; // kustomize's own files are checked by building them
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
    const module = `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
    let Model;
    try {
      Model = (await import(module))[kind];
    } catch {
      problems.push(`${where}: no schema for ${apiVersion} ${kind}`);
      continue;
    }
    const name = `${kind} ${obj.metadata?.name ?? "(no name)"}`;
    try {
      new Model(obj).validate();
    } catch (e) {
      problems.push(`${where}: ${name}: ${e.message}`);
      continue;
    }
    const typeName = `${version[0].toUpperCase()}${version.slice(1)}${kind}`;
    if (typeof k8s[typeName]?.getAttributeTypeMap !== "function") {
      problems.push(`${where}: ${name}: no field list (${typeName}) to check for unknown fields`);
      continue;
    }
    const unknown = unknownFields(obj, typeName, "");
    if (unknown.length > 0) {
      problems.push(`${where}: ${name}: unknown field${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`);
      continue;
    }
    objects++;
  }
}

for (const p of problems) console.error(`k3s/validate: ${p}`);
console.log(`k3s/validate: ${objects} objects valid, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);

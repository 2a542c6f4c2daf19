//! The JSON Schema (Draft 2020-12) of the document, with the template's labels as titles.

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use crate::labels;
use crate::model::{Format, Report2007, Report2019, Report2021};

/// The JSON Schema of a report document of any format, one `oneOf` branch per format, with
/// the Chinese labels of the templates as titles and the English glosses as descriptions.
pub fn json_schema() -> Value {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let branches = [
        (Format::F2021, generator.subschema_for::<Report2021>()),
        (Format::F2019, generator.subschema_for::<Report2019>()),
        (Format::F2007, generator.subschema_for::<Report2007>()),
    ];
    let mut defs: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    for (format, branch) in &branches {
        if let Some(name) = branch.as_value().get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/"))
            && let Some(def) = defs.get(name).cloned()
        {
            let mut def = def;
            annotate(&mut def, &mut defs, *format, "");
            defs.insert(name.to_string(), def);
        }
    }
    let mut root = Map::new();
    root.insert("$schema".into(), "https://json-schema.org/draft/2020-12/schema".into());
    root.insert("$id".into(), "https://govreport.invalid/schema/report.schema.json".into());
    root.insert("title".into(), "政府信息公开工作年度报告".into());
    root.insert("description".into(), "Annual report on government information disclosure (govreport document)".into());
    root.insert("oneOf".into(), Value::Array(branches.iter().map(|(_, s)| s.as_value().clone()).collect()));
    root.insert("$defs".into(), Value::Object(defs));
    Value::Object(root)
}

/// Puts titles on the properties of `schema` (the object at document path `path`), following
/// `$ref`s into `defs`.
fn annotate(schema: &mut Value, defs: &mut Map<String, Value>, format: Format, path: &str) {
    // An untagged alternative (（六）其他处理 of 2021): each shape at the same path.
    let alternatives: Vec<String> = schema
        .get("anyOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|b| b.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")).map(str::to_string))
        .collect();
    for name in alternatives {
        if let Some(mut def) = defs.get(&name).cloned() {
            annotate(&mut def, defs, format, path);
            defs.insert(name, def);
        }
    }
    let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else { return };
    for (key, prop) in props.iter_mut() {
        let child = format!("{path}/{key}");
        let label = labels::lookup(format, &child).or_else(|| labels::column(format, path, key));
        if let Some(label) = label.filter(|l| !l.name.zh.is_empty())
            && let Some(obj) = prop.as_object_mut()
        {
            obj.insert("title".into(), label.name.zh.into());
            obj.entry("description").or_insert_with(|| label.name.en.into());
        }
        let target = prop.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")).map(str::to_string);
        if let Some(name) = target
            && let Some(mut def) = defs.get(&name).cloned()
        {
            annotate(&mut def, defs, format, &child);
            defs.insert(name, def);
        }
    }
}

/// The JSON Schema of the check options.
pub fn options_schema() -> Value {
    let s = SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<crate::Options>();
    s.to_value()
}

/// The JSON Schema of a list of findings.
pub fn findings_schema() -> Value {
    let s = SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<Vec<crate::Finding>>();
    s.to_value()
}

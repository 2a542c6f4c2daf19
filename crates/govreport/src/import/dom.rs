//! An HTML page's tree as html5ever builds it, holding only what the reader needs: the
//! elements' names, the two attributes that can hide one (`style`, `hidden`), and the text.
//! html5ever does the parsing (tokenizer and tree construction as the HTML standard says);
//! this is the tree it builds into, an arena of nodes linked by index.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns};

/// A node's index in [`Dom::nodes`].
pub(crate) type Id = u32;

/// No node: the end of a list of children, or no parent.
const NONE: Id = Id::MAX;

/// A node and its links.
pub(crate) struct Node {
    parent: Id,
    first: Id,
    last: Id,
    prev: Id,
    next: Id,
    /// What it is.
    pub data: Data,
}

/// What a node is.
pub(crate) enum Data {
    /// The document, or a template's contents.
    Document,
    /// An element.
    Element(Element),
    /// Text.
    Text(StrTendril),
    /// A comment, a processing instruction or a doctype: never read.
    Other,
}

/// An element, with what the reader asks of it.
pub(crate) struct Element {
    name: QualName,
    /// Its `style` attribute.
    pub style: Option<StrTendril>,
    /// Whether it has a `hidden` attribute.
    pub hidden: bool,
    /// A `<template>`'s contents (a document of their own, never read).
    template: Id,
}

impl Element {
    /// Its local name (`div`, `td` …), lower case for HTML elements.
    pub fn name(&self) -> &str {
        &self.name.local
    }
}

/// A parsed page.
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// The name given for a node that is not an element (html5ever never asks for one).
    no_name: QualName,
}

impl Dom {
    /// Parses `html` as a whole document.
    pub fn parse(html: &str) -> Dom {
        let sink = Sink(RefCell::new(Dom::new()));
        html5ever::parse_document(sink, Default::default()).one(html)
    }

    fn new() -> Dom {
        let mut dom = Dom { nodes: Vec::new(), no_name: QualName::new(None, ns!(), local_name!("")) };
        dom.push(Data::Document);
        dom
    }

    fn push(&mut self, data: Data) -> Id {
        self.nodes.push(Node { parent: NONE, first: NONE, last: NONE, prev: NONE, next: NONE, data });
        (self.nodes.len() - 1) as Id
    }

    /// The document node.
    pub fn document(&self) -> Id {
        0
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: Id) -> Children<'_> {
        Children { dom: self, next: self.nodes[id as usize].first }
    }

    /// The element `id` is, if it is one.
    pub fn element(&self, id: Id) -> Option<&Element> {
        match &self.nodes[id as usize].data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The child elements of `id`, in order.
    pub fn child_elements(&self, id: Id) -> impl Iterator<Item = (Id, &Element)> {
        self.children(id).filter_map(|c| self.element(c).map(|e| (c, e)))
    }

    /// The first element named `name` in document order, inside `id`.
    pub fn find(&self, id: Id, name: &str) -> Option<Id> {
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            if self.element(n).is_some_and(|e| e.name() == name) {
                return Some(n);
            }
            let from = stack.len();
            stack.extend(self.children(n));
            stack[from..].reverse();
        }
        None
    }

    /// All the text inside `id`, in document order.
    pub fn text(&self, id: Id) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            if let Data::Text(t) = &self.nodes[n as usize].data {
                out.push_str(t);
            }
            let from = stack.len();
            stack.extend(self.children(n));
            stack[from..].reverse();
        }
        out
    }

    fn unlink(&mut self, id: Id) {
        let Node { parent, prev, next, .. } = self.nodes[id as usize];
        if parent == NONE {
            return;
        }
        if prev == NONE {
            self.nodes[parent as usize].first = next;
        } else {
            self.nodes[prev as usize].next = next;
        }
        if next == NONE {
            self.nodes[parent as usize].last = prev;
        } else {
            self.nodes[next as usize].prev = prev;
        }
        let n = &mut self.nodes[id as usize];
        (n.parent, n.prev, n.next) = (NONE, NONE, NONE);
    }

    fn append(&mut self, parent: Id, child: Id) {
        self.unlink(child);
        let last = self.nodes[parent as usize].last;
        {
            let c = &mut self.nodes[child as usize];
            (c.parent, c.prev) = (parent, last);
        }
        if last == NONE {
            self.nodes[parent as usize].first = child;
        } else {
            self.nodes[last as usize].next = child;
        }
        self.nodes[parent as usize].last = child;
    }

    fn insert_before(&mut self, sibling: Id, child: Id) {
        self.unlink(child);
        let Node { parent, prev, .. } = self.nodes[sibling as usize];
        if parent == NONE {
            return;
        }
        {
            let c = &mut self.nodes[child as usize];
            (c.parent, c.prev, c.next) = (parent, prev, sibling);
        }
        self.nodes[sibling as usize].prev = child;
        if prev == NONE {
            self.nodes[parent as usize].first = child;
        } else {
            self.nodes[prev as usize].next = child;
        }
    }

    /// Text appended after `prev` (a node or none) joins it when it is text.
    fn text_after(&mut self, prev: Id, text: &StrTendril) -> Option<Id> {
        if prev == NONE {
            return None;
        }
        match &mut self.nodes[prev as usize].data {
            Data::Text(t) => {
                t.push_tendril(text);
                Some(prev)
            }
            _ => None,
        }
    }
}

/// The children of a node.
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: Id,
}

impl Iterator for Children<'_> {
    type Item = Id;

    fn next(&mut self) -> Option<Id> {
        (self.next != NONE).then(|| {
            let id = self.next;
            self.next = self.dom.nodes[id as usize].next;
            id
        })
    }
}

/// The tree html5ever builds into.
struct Sink(RefCell<Dom>);

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Ref<'a, QualName> {
        Ref::map(self.0.borrow(), |dom| match &dom.nodes[*target as usize].data {
            Data::Element(e) => &e.name,
            _ => &dom.no_name,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> Id {
        let mut dom = self.0.borrow_mut();
        let template = if name.expanded() == html5ever::expanded_name!(html "template") { dom.push(Data::Document) } else { NONE };
        let mut element = Element { name, style: None, hidden: false, template };
        set_attrs(&mut element, attrs);
        dom.push(Data::Element(element))
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.0.borrow_mut().push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.0.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let mut dom = self.0.borrow_mut();
        match child {
            NodeOrText::AppendNode(n) => dom.append(*parent, n),
            NodeOrText::AppendText(t) => {
                let last = dom.nodes[*parent as usize].last;
                if dom.text_after(last, &t).is_none() {
                    let n = dom.push(Data::Text(t));
                    dom.append(*parent, n);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        let has_parent = self.0.borrow().nodes[*element as usize].parent != NONE;
        if has_parent { self.append_before_sibling(element, child) } else { self.append(prev_element, child) }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let mut dom = self.0.borrow_mut();
        let n = dom.push(Data::Other);
        dom.append(0, n);
    }

    fn get_template_contents(&self, target: &Id) -> Id {
        match &self.0.borrow().nodes[*target as usize].data {
            Data::Element(e) if e.template != NONE => e.template,
            // html5ever asks only for a template's; any other element is its own.
            _ => *target,
        }
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        let mut dom = self.0.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(n) => dom.insert_before(*sibling, n),
            NodeOrText::AppendText(t) => {
                let prev = dom.nodes[*sibling as usize].prev;
                if dom.text_after(prev, &t).is_none() {
                    let n = dom.push(Data::Text(t));
                    dom.insert_before(*sibling, n);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        if let Data::Element(e) = &mut self.0.borrow_mut().nodes[*target as usize].data {
            let (style, hidden) = (e.style.take(), e.hidden);
            set_attrs(e, attrs);
            // The element's own attributes win.
            if style.is_some() {
                e.style = style;
            }
            e.hidden |= hidden;
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        self.0.borrow_mut().unlink(*target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut dom = self.0.borrow_mut();
        while let Some(c) = dom.children(*node).next() {
            dom.append(*new_parent, c);
        }
    }
}

/// Keeps the attributes the reader asks about.
fn set_attrs(e: &mut Element, attrs: Vec<Attribute>) {
    for a in attrs {
        if a.name.ns != ns!() {
            continue;
        }
        match &*a.name.local {
            "style" => e.style = Some(a.value),
            "hidden" => e.hidden = true,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom, id: Id) -> Vec<String> {
        dom.children(id)
            .map(|c| match &dom.nodes[c as usize].data {
                Data::Element(e) => e.name().to_string(),
                Data::Text(t) => format!("#{t}"),
                _ => "?".into(),
            })
            .collect()
    }

    #[test]
    fn builds_the_tree_the_standard_says() {
        // Implied <html>, <head>, <body>; text joined; a <p> closed by the next.
        let dom = Dom::parse("<p>a<b>b</b>c<p>d");
        let html = dom.find(0, "html").unwrap();
        assert_eq!(names(&dom, html), ["head", "body"]);
        let body = dom.find(0, "body").unwrap();
        assert_eq!(names(&dom, body), ["p", "p"]);
        assert_eq!(dom.text(body), "abcd");
        // Text misplaced in a table is moved before it (foster parenting).
        let dom = Dom::parse("<table>x<tr><td>1</td></tr></table>");
        let body = dom.find(0, "body").unwrap();
        assert_eq!(names(&dom, body), ["#x", "table"]);
        // Misnested formatting is repaired (the adoption agency), nothing is lost.
        let dom = Dom::parse("<b>1<p>2</b>3</p>");
        assert_eq!(dom.text(dom.find(0, "body").unwrap()), "123");
    }

    #[test]
    fn keeps_what_hides_an_element() {
        let dom = Dom::parse("<div style='display:none' class=x>a</div><span hidden>b</span><i>c</i>");
        let style = |n: &str| dom.find(0, n).and_then(|i| dom.element(i)).map(|e| (e.style.as_deref().map(str::to_string), e.hidden));
        assert_eq!(style("div"), Some((Some("display:none".into()), false)));
        assert_eq!(style("span"), Some((None, true)));
        assert_eq!(style("i"), Some((None, false)));
        // A template's content is its own document, not the page's text.
        let dom = Dom::parse("<template><p>t</p></template><p>p</p>");
        assert_eq!(dom.text(dom.find(0, "body").unwrap()), "p");
    }
}

/* answer-doc-edit.c — the edits a user or script makes, built from edit commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every function here changes the tree only through _ue_answer_doc_run, so each is
 * undoable; those that make several changes group them into one undo step. New
 * elements copy the file's indentation and line endings.
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "answer-doc-private.h"
#include "edit-attr.h"
#include "edit-node.h"
#include "edit-text.h"
#include "passes.h"
#include "secret.h"
#include "setting-path.h"

void
ue_answer_doc_set_text (UeAnswerDoc *self,
                        UeNode      *node,
                        const char  *value)
{
  g_autofree char *old = NULL;
  g_autofree char *label = NULL;
  UeEdit *edit;

  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  g_return_if_fail (node != NULL);
  g_return_if_fail (value != NULL);
  g_return_if_fail (ue_node_get_first_child (node) == NULL);

  old = ue_node_dup_text (node);
  /* nothing to do; but an element holding only a comment still gets its value */
  if (g_strcmp0 (old, value) == 0 && (XML_NODE (node)->children == NULL ||
                                       (XML_NODE (node)->children->type == XML_TEXT_NODE &&
                                        XML_NODE (node)->children->next == NULL)))
    return;
  edit = ue_edit_text_new (node, value);
  label = g_strdup_printf (_("Set %s"), ue_node_get_name (node));
  ue_edit_set_label (edit, label);
  _ue_answer_doc_run (self, edit);
}

static xmlNs *
find_wcm_ns (xmlNode *node)
{
  return xmlSearchNsByHref (node->doc, node, (const xmlChar *) UE_WCM_NS);
}

/* the wcm namespace in scope of node, declared on node when missing (*declared: the
 * edit then owns the declaration, so that undo takes it away again) */
static xmlNs *
ensure_wcm_ns (xmlNode  *node,
               gboolean *declared)
{
  xmlNs *ns = find_wcm_ns (node);

  g_autofree char *prefix = g_strdup ("wcm");

  *declared = ns == NULL;
  if (ns != NULL)
    return ns;
  /* a file may bind "wcm" to another namespace: a second binding of the same prefix
   * (or one hiding the file's) would make the start tag ill-formed */
  for (guint i = 2; xmlSearchNs (node->doc, node, (const xmlChar *) prefix) != NULL; i++)
    {
      g_free (prefix);
      prefix = g_strdup_printf ("wcm%u", i);
    }
  return xmlNewNs (node, (const xmlChar *) UE_WCM_NS, (const xmlChar *) prefix);
}

void
ue_answer_doc_set_attribute (UeAnswerDoc *self,
                             UeNode      *node,
                             const char  *name,
                             const char  *value)
{
  const char *colon;
  xmlNs *ns = NULL;
  gboolean declared = FALSE;
  g_autofree char *old = NULL;
  UeEdit *edit;

  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  g_return_if_fail (node != NULL);
  g_return_if_fail (name != NULL);

  colon = strchr (name, ':');
  if (colon != NULL)
    {
      g_return_if_fail (strncmp (name, "wcm:", 4) == 0);
      ns = value ? ensure_wcm_ns (XML_NODE (node), &declared) : find_wcm_ns (XML_NODE (node));
      if (ns == NULL)
        return;   /* removing an attribute that cannot be there */
    }
  old = ue_node_dup_attribute (node, name);
  if (g_strcmp0 (old, value) == 0)
    return;
  edit = ue_edit_attr_new (node, ns, declared, colon ? colon + 1 : name, value);
  ue_edit_set_label (edit, value ? _("Set Attribute") : _("Remove Attribute"));
  _ue_answer_doc_run (self, edit);
}

/* ---- inserting with the file's indentation ---- */

static const char *
indent_before (xmlNode *el)
{
  const char *nl;

  if (el == NULL || !_ue_xml_is_blank (el->prev))
    return NULL;
  nl = strrchr ((const char *) el->prev->content, '\n');
  return nl ? nl + 1 : NULL;
}

static gboolean
is_pretty (UeAnswerDoc *self)
{
  return *_ue_answer_doc_get_indent_unit (self) != '\0';
}

static char *
child_indent (UeAnswerDoc *self,
              xmlNode     *parent)
{
  xmlNode *first = _ue_xml_first_element (parent);
  const char *own = indent_before (first);
  const char *parent_indent;

  if (own != NULL)
    return g_strdup (own);
  parent_indent = indent_before (parent);
  return g_strconcat (parent_indent ? parent_indent : "", _ue_answer_doc_get_indent_unit (self), NULL);
}

static void
link_new (UeAnswerDoc *self,
          xmlNode     *parent,
          xmlNode     *next,
          xmlNode     *node)
{
  _ue_answer_doc_run (self, ue_edit_node_new_insert (parent, next, node));
}

static xmlNode *
new_blank (xmlNode    *parent,
           const char *indent)
{
  g_autofree char *text = g_strconcat ("\n", indent, NULL);
  return xmlNewDocText (parent->doc, (const xmlChar *) text);
}

/* insert a detached element under parent, before `before` (NULL: after the last element) */
static void
insert_element (UeAnswerDoc *self,
                xmlNode     *parent,
                xmlNode     *before,
                xmlNode     *element)
{
  g_autofree char *indent = NULL;
  xmlNode *last = NULL;

  ue_answer_doc_begin_group (self, _("Insert"));
  /* children written on one line stay on one line */
  if (!is_pretty (self) ||
      (_ue_xml_first_element (parent) != NULL && indent_before (_ue_xml_first_element (parent)) == NULL) ||
      (_ue_xml_first_element (parent) == NULL && parent->parent->type == XML_ELEMENT_NODE &&
       indent_before (parent) == NULL))
    {
      link_new (self, parent, before, element);
      ue_answer_doc_end_group (self);
      return;
    }
  indent = child_indent (self, parent);
  if (before != NULL)
    {
      /* [blank][before] -> [new blank][element][blank][before]: the element's own
       * blank sits before it, so removing it again gives back the same bytes */
      xmlNode *anchor = _ue_xml_is_blank (before->prev) ? before->prev : before;
      link_new (self, parent, anchor, new_blank (parent, indent));
      link_new (self, parent, anchor, element);
    }
  else if ((last = parent->last) != NULL)
    {
      xmlNode *after;

      while (last != NULL && last->type != XML_ELEMENT_NODE)
        last = last->prev;
      /* after the last element (or at the start when only blanks and comments are there);
       * a comment on the same line as that element stays with it */
      after = last ? last->next : parent->children;
      while (last != NULL && after != NULL &&
             (after->type == XML_COMMENT_NODE ||
              (_ue_xml_is_blank (after) && strchr ((const char *) after->content, '\n') == NULL)))
        after = after->next;
      link_new (self, parent, after, new_blank (parent, indent));
      link_new (self, parent, after, element);
    }
  else
    {
      const char *parent_indent = indent_before (parent);
      link_new (self, parent, NULL, new_blank (parent, indent));
      link_new (self, parent, NULL, element);
      link_new (self, parent, NULL, new_blank (parent, parent_indent ? parent_indent : ""));
    }
  ue_answer_doc_end_group (self);
}

static xmlNode *
new_element (xmlNode    *parent,
             const char *name)
{
  xmlNode *el = xmlNewDocNode (parent->doc, NULL, (const xmlChar *) name, NULL);

  /* settings live in the parent's namespace: no xmlns is written for them */
  el->ns = parent->ns;
  return el;
}

UeNode *
ue_answer_doc_ensure_child (UeAnswerDoc *self,
                            UeNode      *parent,
                            const char  *name)
{
  UeNode *found;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (parent != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  found = ue_answer_doc_find_child (self, parent, name);
  if (found != NULL)
    return found;
  return ue_answer_doc_append_element (self, parent, name);
}

UeNode *
ue_answer_doc_append_element (UeAnswerDoc *self,
                              UeNode      *parent,
                              const char  *name)
{
  xmlNode *el;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (parent != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  el = new_element (XML_NODE (parent), name);
  insert_element (self, XML_NODE (parent), NULL, el);
  return UE_NODE (el);
}

/* a shallow copy of source (from any document) under parent, in parent's namespace */
static xmlNode *
copy_element (xmlNode *parent,
              xmlNode *source)
{
  xmlNode *el = new_element (parent, (const char *) source->name);

  for (xmlAttr *a = source->properties; a != NULL; a = a->next)
    {
      xmlChar *value = xmlNodeGetContent ((xmlNode *) a);
      xmlNs *ns = NULL;

      /* the copy's own declarations first: a second wcm: attribute reuses the first's */
      if (a->ns != NULL && (ns = xmlSearchNsByHref (parent->doc, el, a->ns->href)) == NULL &&
          (ns = xmlSearchNsByHref (parent->doc, parent, a->ns->href)) == NULL)
        ns = xmlNewNs (el, a->ns->href, a->ns->prefix);
      xmlNewNsProp (el, ns, a->name, value);
      xmlFree (value);
    }
  return el;
}

/* element by element, so that each level gets the file's indentation */
static xmlNode *
insert_copy (UeAnswerDoc *self,
             xmlNode     *parent,
             xmlNode     *before,
             xmlNode     *source)
{
  xmlNode *el = copy_element (parent, source);
  g_autofree char *text = NULL;

  insert_element (self, parent, before, el);
  for (xmlNode *c = _ue_xml_first_element (source); c != NULL; c = _ue_xml_next_element (c))
    insert_copy (self, el, NULL, c);
  text = ue_node_dup_text (UE_NODE (source));
  if (text != NULL && *text != '\0')
    ue_answer_doc_set_text (self, UE_NODE (el), text);
  return el;
}

UeNode *
ue_answer_doc_insert_copy (UeAnswerDoc *self,
                           UeNode      *parent,
                           UeNode      *before,
                           UeNode      *source)
{
  xmlNode *el;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (parent != NULL && source != NULL, NULL);
  g_return_val_if_fail (before == NULL || ue_node_get_parent (before) == parent, NULL);

  ue_answer_doc_begin_group (self, _("Insert"));
  el = insert_copy (self, XML_NODE (parent), XML_NODE (before), XML_NODE (source));
  ue_answer_doc_end_group (self);
  return UE_NODE (el);
}

UeNode *
ue_answer_doc_ensure_pass (UeAnswerDoc *self,
                           const char  *pass)
{
  UeNode *found;
  xmlNode *root, *el, *before = NULL;
  guint number;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (pass != NULL, NULL);

  found = ue_answer_doc_find_pass (self, pass);
  if (found != NULL)
    return found;
  root = XML_NODE (ue_answer_doc_get_root (self));
  if (strcmp ((const char *) root->name, "unattend") != 0)
    return NULL;   /* a one-pass fragment cannot take another pass */

  /* WSIM's order: before the first pass that comes later, else before cpi:offlineImage */
  number = ue_pass_number_from_name (pass);
  for (xmlNode *c = _ue_xml_first_element (root); c != NULL; c = _ue_xml_next_element (c))
    {
      UeNodeKind kind = ue_node_get_kind (UE_NODE (c));
      if (kind == UE_NODE_KIND_PASS)
        {
          g_autofree char *name = ue_node_dup_attribute (UE_NODE (c), "pass");
          guint n = ue_pass_number_from_name (name);
          if (n > number && before == NULL)
            before = c;
        }
      else if (kind == UE_NODE_KIND_OFFLINE_IMAGE && before == NULL)
        before = c;
    }
  el = new_element (root, "settings");
  xmlNewProp (el, (const xmlChar *) "pass", (const xmlChar *) pass);
  insert_element (self, root, before, el);
  return UE_NODE (el);
}

UeNode *
ue_answer_doc_ensure_servicing (UeAnswerDoc *self)
{
  xmlNode *root, *el, *before = NULL;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);

  root = XML_NODE (ue_answer_doc_get_root (self));
  if (root == NULL || strcmp ((const char *) root->name, "unattend") != 0)
    return NULL;   /* a bare <settings> fragment has no place for it */
  for (xmlNode *c = _ue_xml_first_element (root); c != NULL; c = _ue_xml_next_element (c))
    {
      UeNodeKind kind = ue_node_get_kind (UE_NODE (c));

      if (kind == UE_NODE_KIND_SERVICING)
        return UE_NODE (c);
      /* Windows writes <servicing> before the passes (and cpi:offlineImage stays last) */
      if (before == NULL && (kind == UE_NODE_KIND_PASS || kind == UE_NODE_KIND_OFFLINE_IMAGE))
        before = c;
    }
  el = new_element (root, "servicing");
  insert_element (self, root, before, el);
  return UE_NODE (el);
}

UeNode *
ue_answer_doc_ensure_component (UeAnswerDoc *self,
                                const char  *pass,
                                const char  *name,
                                const char  *arch)
{
  UeNode *pass_node, *found;
  xmlNode *el;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (pass != NULL && name != NULL, NULL);

  ue_answer_doc_begin_group (self, _("Add Component"));
  pass_node = ue_answer_doc_ensure_pass (self, pass);
  if (pass_node == NULL)
    {
      ue_answer_doc_end_group (self);
      return NULL;
    }
  found = ue_answer_doc_find_component (self, pass_node, name, arch);
  if (found != NULL)
    {
      ue_answer_doc_end_group (self);
      return found;
    }
  el = new_element (XML_NODE (pass_node), "component");
  /* the full identity, in the order WSIM writes it */
  xmlNewProp (el, (const xmlChar *) "name", (const xmlChar *) name);
  xmlNewProp (el, (const xmlChar *) "processorArchitecture", (const xmlChar *) (arch ? arch : "amd64"));
  xmlNewProp (el, (const xmlChar *) "publicKeyToken", (const xmlChar *) UE_PUBLIC_KEY_TOKEN);
  xmlNewProp (el, (const xmlChar *) "language", (const xmlChar *) "neutral");
  xmlNewProp (el, (const xmlChar *) "versionScope", (const xmlChar *) "nonSxS");
  xmlNewNs (el, (const xmlChar *) UE_WCM_NS, (const xmlChar *) "wcm");
  xmlNewNs (el, (const xmlChar *) UE_XSI_NS, (const xmlChar *) "xsi");
  insert_element (self, XML_NODE (pass_node), NULL, el);
  ue_answer_doc_end_group (self);
  return UE_NODE (el);
}

static void
set_order (UeAnswerDoc *self,
           UeNode      *item,
           guint        order)
{
  g_autofree char *text = g_strdup_printf ("%u", order);
  ue_answer_doc_set_text (self, ue_answer_doc_ensure_child (self, item, "Order"), text);
}

static xmlNode *
new_item (UeAnswerDoc *self,
          xmlNode     *parent,
          const char  *item_name)
{
  xmlNode *el = new_element (parent, item_name);
  xmlNs *wcm = find_wcm_ns (parent);

  if (wcm == NULL)
    wcm = xmlNewNs (el, (const xmlChar *) UE_WCM_NS, (const xmlChar *) "wcm");
  xmlNewNsProp (el, wcm, (const xmlChar *) "action", (const xmlChar *) "add");
  return el;
}

UeNode *
ue_answer_doc_add_list_item (UeAnswerDoc *self,
                             UeNode      *parent,
                             const char  *item_name,
                             const char  *key,
                             const char  *key_value)
{
  g_autofree char *next_order = NULL;
  xmlNode *el;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (parent != NULL && item_name != NULL, NULL);

  ue_answer_doc_begin_group (self, _("Add List Item"));
  el = new_item (self, XML_NODE (parent), item_name);
  if (key != NULL && strcmp (key, "@keyValue") == 0)
    xmlNewNsProp (el, el->properties->ns, (const xmlChar *) "keyValue",
                  (const xmlChar *) (key_value ? key_value : "1"));
  insert_element (self, XML_NODE (parent), NULL, el);
  if (key != NULL && key[0] != '@')
    {
      if (key_value == NULL && strcmp (key, "Order") == 0)
        {
          guint max = 0;
          for (UeNode *n = ue_node_get_first_child (parent); n != NULL; n = ue_node_get_next (n))
            if (n != UE_NODE (el) && strcmp (ue_node_get_name (n), item_name) == 0)
              max = MAX (max, ue_node_get_order (n));
          key_value = next_order = g_strdup_printf ("%u", max + 1);
        }
      ue_answer_doc_set_text (self, ue_answer_doc_ensure_child (self, UE_NODE (el), key),
                              key_value ? key_value : "");
    }
  ue_answer_doc_end_group (self);
  return UE_NODE (el);
}

UeNode *
ue_answer_doc_insert_ordered_item (UeAnswerDoc *self,
                                   UeNode      *parent,
                                   const char  *item_name,
                                   guint        order)
{
  g_autofree char *text = NULL;
  UeNode *before = NULL;
  xmlNode *el;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (parent != NULL && item_name != NULL && order > 0, NULL);

  ue_answer_doc_begin_group (self, _("Insert List Item"));
  /* make room: every item at or after `order` moves up by one, as WSIM does */
  for (UeNode *n = ue_node_get_first_child (parent); n != NULL; n = ue_node_get_next (n))
    {
      guint o;
      if (strcmp (ue_node_get_name (n), item_name) != 0)
        continue;
      o = ue_node_get_order (n);
      if (o >= order)
        {
          if (before == NULL)
            before = n;
          set_order (self, n, o + 1);
        }
    }
  el = new_item (self, XML_NODE (parent), item_name);
  insert_element (self, XML_NODE (parent), XML_NODE (before), el);
  text = g_strdup_printf ("%u", order);
  ue_answer_doc_set_text (self, ue_answer_doc_ensure_child (self, UE_NODE (el), "Order"), text);
  ue_answer_doc_end_group (self);
  return UE_NODE (el);
}

static gboolean
only_element_among_blanks (xmlNode *node)
{
  for (xmlNode *c = node->parent->children; c != NULL; c = c->next)
    if (c != node && !_ue_xml_is_blank (c))
      return FALSE;
  return TRUE;
}

void
ue_answer_doc_remove (UeAnswerDoc *self,
                      UeNode      *node)
{
  xmlNode *n = XML_NODE (node);
  xmlNode *parent;
  guint order;
  g_autofree char *label = NULL;

  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  g_return_if_fail (node != NULL);
  g_return_if_fail (ue_node_get_parent (node) != NULL);

  parent = n->parent;
  order = ue_node_is_list_item (node) ? ue_node_get_order (node) : 0;
  label = g_strdup_printf (_("Delete %s"), ue_node_get_name (node));
  ue_answer_doc_begin_group (self, label);
  if (only_element_among_blanks (n))
    {
      /* the last child: the parent goes back to empty ("<settings pass="x"/>" stays so) */
      while (parent->children != NULL)
        _ue_answer_doc_run (self, ue_edit_node_new_remove (parent->last));
    }
  else
    {
      /* the node's indentation goes with it */
      if (_ue_xml_is_blank (n->prev) && strchr ((const char *) n->prev->content, '\n'))
        _ue_answer_doc_run (self, ue_edit_node_new_remove (n->prev));
      _ue_answer_doc_run (self, ue_edit_node_new_remove (n));
    }
  if (order > 0)
    for (UeNode *s = ue_node_get_first_child (UE_NODE (parent)); s != NULL; s = ue_node_get_next (s))
      {
        guint o;
        if (strcmp (ue_node_get_name (s), (const char *) n->name) != 0)
          continue;
        o = ue_node_get_order (s);
        if (o > order)
          set_order (self, s, o - 1);
      }
  ue_answer_doc_end_group (self);
}

/* ---- paths ---- */

static gboolean
path_error (GError    **error,
            const char *path,
            const char *why)
{
  g_set_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_PATH, "%s: %s", path, why);
  return FALSE;
}

/* walk what exists; refuse before changing anything if the path cannot be set */
static gboolean
check_settable (UeAnswerDoc    *self,
                UeSettingPath  *path,
                const char     *text,
                const char     *arch,
                GError        **error)
{
  UeNode *cur;
  UeNode *root = ue_answer_doc_get_root (self);

  if (path->component == NULL || path->segments->len == 0)
    return path_error (error, text, _("the path names no setting (PASS/COMPONENT/Setting…)"));
  if (strcmp (ue_node_get_name (root), "unattend") != 0 && ue_answer_doc_find_pass (self, path->pass) == NULL)
    return path_error (error, text, _("this file holds a single pass and cannot take another"));
  cur = ue_answer_doc_find_pass (self, path->pass);
  cur = cur ? ue_answer_doc_find_component (self, cur, path->component, arch) : NULL;
  for (guint i = 0; cur != NULL && i < path->segments->len; i++)
    {
      UePathSegment *seg = path->segments->pdata[i];
      UeNode *next;
      g_autofree char *value = NULL;

      next = seg->key ? ue_answer_doc_find_item (self, cur, seg->name, seg->key, seg->key_value)
                      : ue_answer_doc_find_child (self, cur, seg->name);
      /* a simple setting with a value cannot hold settings */
      if (ue_node_get_first_child (cur) == NULL && cur != ue_answer_doc_find_pass (self, path->pass) &&
          ue_node_get_kind (cur) == UE_NODE_KIND_SETTING &&
          (value = ue_node_dup_text (cur)) != NULL && *g_strstrip (value) != '\0')
        {
          g_autofree char *why = g_strdup_printf (_("“%s” holds a value, not settings"), ue_node_get_name (cur));
          return path_error (error, text, why);
        }
      cur = next;
    }
  if (cur != NULL && ue_node_get_first_child (cur) != NULL)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” holds settings, not a value"), ue_node_get_name (cur));
      return path_error (error, text, why);
    }
  return TRUE;
}

gboolean
ue_answer_doc_set_path_value (UeAnswerDoc  *self,
                              const char   *path_text,
                              const char   *arch,
                              const char   *value,
                              GError      **error)
{
  g_autoptr(UeSettingPath) path = NULL;
  g_autofree char *label = NULL;
  UeNode *cur;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), FALSE);
  g_return_val_if_fail (path_text != NULL && value != NULL, FALSE);

  path = ue_setting_path_parse (path_text, TRUE, error);
  if (path == NULL || !check_settable (self, path, path_text, arch, error))
    return FALSE;

  label = g_strdup_printf (_("Set %s"), path_text);
  ue_answer_doc_begin_group (self, label);
  cur = ue_answer_doc_ensure_component (self, path->pass, path->component, arch);
  for (guint i = 0; i < path->segments->len; i++)
    {
      UePathSegment *seg = path->segments->pdata[i];
      UeNode *next;

      if (seg->key == NULL)
        next = ue_answer_doc_ensure_child (self, cur, seg->name);
      else
        {
          next = ue_answer_doc_find_item (self, cur, seg->name, seg->key, seg->key_value);
          if (next == NULL)
            next = ue_answer_doc_add_list_item (self, cur, seg->name, seg->key, seg->key_value);
        }
      cur = next;
    }
  ue_answer_doc_set_text (self, cur, value);
  ue_answer_doc_end_group (self);
  return TRUE;
}

gboolean
ue_answer_doc_unset_path (UeAnswerDoc  *self,
                          const char   *path_text,
                          const char   *arch,
                          GError      **error)
{
  UeNode *node;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), FALSE);
  g_return_val_if_fail (path_text != NULL, FALSE);

  node = ue_answer_doc_lookup (self, path_text, arch, error);
  if (node == NULL)
    {
      if (error != NULL && *error == NULL)
        path_error (error, path_text, _("not in the file"));
      return FALSE;
    }
  if (ue_node_get_parent (node) == NULL)
    return path_error (error, path_text, _("the root element cannot be removed"));
  ue_answer_doc_remove (self, node);
  return TRUE;
}

/* ---- the recorded image ---- */

static UeNode *
find_offline_image (UeAnswerDoc *self)
{
  UeNode *root = ue_answer_doc_get_root (self);

  for (UeNode *n = ue_node_get_first_child (root); n != NULL; n = ue_node_get_next (n))
    if (ue_node_get_kind (n) == UE_NODE_KIND_OFFLINE_IMAGE)
      return n;
  return NULL;
}

char *
ue_answer_doc_dup_offline_image (UeAnswerDoc *self)
{
  UeNode *node;
  xmlChar *value;
  char *copy;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);

  node = find_offline_image (self);
  if (node == NULL)
    return NULL;
  value = xmlGetNsProp (XML_NODE (node), (const xmlChar *) "source", (const xmlChar *) UE_CPI_NS);
  copy = value ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

void
ue_answer_doc_set_offline_image (UeAnswerDoc *self,
                                 const char  *source)
{
  UeNode *node;
  xmlNode *el;
  xmlNs *cpi;
  g_autofree char *old = NULL;

  g_return_if_fail (UE_IS_ANSWER_DOC (self));

  node = find_offline_image (self);
  old = ue_answer_doc_dup_offline_image (self);
  if (g_strcmp0 (old, source) == 0 && (source == NULL || node != NULL))
    return;
  if (source == NULL)
    {
      ue_answer_doc_remove (self, node);
      return;
    }
  if (node != NULL)
    {
      UeEdit *edit = ue_edit_attr_new (node, XML_NODE (node)->ns, FALSE, "source", source);
      ue_edit_set_label (edit, _("Record Windows Image"));
      _ue_answer_doc_run (self, edit);
      return;
    }
  /* new: at the end of the root, with its own namespace declaration, as WSIM writes it */
  el = xmlNewDocNode (_ue_answer_doc_get_xml (self), NULL, (const xmlChar *) "offlineImage", NULL);
  cpi = xmlNewNs (el, (const xmlChar *) UE_CPI_NS, (const xmlChar *) "cpi");
  xmlSetNs (el, cpi);
  xmlNewNsProp (el, cpi, (const xmlChar *) "source", (const xmlChar *) source);
  ue_answer_doc_begin_group (self, _("Record Windows Image"));
  insert_element (self, XML_NODE (ue_answer_doc_get_root (self)), NULL, el);
  ue_answer_doc_end_group (self);
}

/* ---- Hide Sensitive Data ---- */

static void
hide_in (UeAnswerDoc *self,
         UeNode      *node,
         guint       *count)
{
  for (UeNode *n = ue_node_get_first_child (node); n != NULL; n = ue_node_get_next (n))
    {
      UeNode *value, *plain;
      g_autofree char *plain_text = NULL;
      g_autofree char *password = NULL;
      g_autofree char *hidden = NULL;

      hide_in (self, n, count);
      if (!ue_secret_is_password_element (ue_node_get_name (n)))
        continue;
      value = ue_answer_doc_find_child (self, n, "Value");
      plain = ue_answer_doc_find_child (self, n, "PlainText");
      /* a Value or PlainText holding elements is no password this code understands */
      if (value == NULL || ue_node_get_first_child (value) != NULL ||
          (plain != NULL && ue_node_get_first_child (plain) != NULL))
        continue;
      plain_text = plain ? ue_node_dup_text (plain) : NULL;
      /* PlainText absent means plain text too */
      if (plain_text != NULL && g_ascii_strcasecmp (g_strstrip (plain_text), "true") != 0)
        continue;
      password = ue_node_dup_text (value);
      hidden = ue_secret_encode (ue_node_get_name (n), password);
      if (hidden == NULL)
        continue;
      ue_answer_doc_set_text (self, value, hidden);
      ue_answer_doc_set_text (self, plain ? plain : ue_answer_doc_ensure_child (self, n, "PlainText"), "false");
      (*count)++;
    }
}

guint
ue_answer_doc_hide_passwords (UeAnswerDoc *self)
{
  guint count = 0;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), 0);

  ue_answer_doc_begin_group (self, _("Hide Sensitive Data"));
  hide_in (self, ue_answer_doc_get_root (self), &count);
  ue_answer_doc_end_group (self);
  return count;
}

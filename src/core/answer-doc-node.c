/* answer-doc-node.c — reading nodes, and tree surgery that keeps text nodes apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include <string.h>

#include "answer-doc-private.h"
#include "passes.h"
#include "setting-path.h"

/* ---- tree surgery ---- */

/* xmlAddChild and friends merge adjacent text nodes and free one of them, which would
 * leave our undo stack holding freed nodes; these never merge. */
void
_ue_xml_link_before (xmlNode *parent,
                     xmlNode *next,
                     xmlNode *node)
{
  g_assert (node->parent == NULL && node->prev == NULL && node->next == NULL);
  g_assert (next == NULL || next->parent == parent);

  node->parent = parent;
  node->doc = parent->doc;
  node->next = next;
  if (next != NULL)
    {
      node->prev = next->prev;
      next->prev = node;
    }
  else
    {
      node->prev = parent->last;
      parent->last = node;
    }
  if (node->prev != NULL)
    node->prev->next = node;
  else
    parent->children = node;
}

void
_ue_xml_unlink (xmlNode *node)
{
  xmlNode *parent = node->parent;

  if (parent == NULL)
    return;
  if (node->prev != NULL)
    node->prev->next = node->next;
  else
    parent->children = node->next;
  if (node->next != NULL)
    node->next->prev = node->prev;
  else
    parent->last = node->prev;
  node->parent = NULL;
  node->prev = NULL;
  node->next = NULL;
}

gboolean
_ue_xml_is_blank (xmlNode *node)
{
  if (node == NULL || node->type != XML_TEXT_NODE)
    return FALSE;
  for (const xmlChar *p = node->content; p && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

xmlNode *
_ue_xml_first_element (xmlNode *node)
{
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

xmlNode *
_ue_xml_next_element (xmlNode *node)
{
  for (xmlNode *c = node ? node->next : NULL; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

/* ---- reading ---- */

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

UeNodeKind
ue_node_get_kind (UeNode *unode)
{
  xmlNode *node = XML_NODE (unode);
  xmlNode *parent;

  g_return_val_if_fail (node != NULL, UE_NODE_KIND_OTHER);

  parent = node->parent;
  if (parent == NULL || parent->type == XML_DOCUMENT_NODE)
    return UE_NODE_KIND_ROOT;
  if (node->ns && node->ns->href && strcmp ((const char *) node->ns->href, UE_CPI_NS) == 0 &&
      is_named (node, "offlineImage"))
    return UE_NODE_KIND_OFFLINE_IMAGE;
  if (ue_node_get_component (unode) != NULL && !is_named (node, "component"))
    return UE_NODE_KIND_SETTING;
  if (is_named (node, "component") && ue_node_get_kind (UE_NODE (parent)) == UE_NODE_KIND_PASS)
    return UE_NODE_KIND_COMPONENT;
  if (is_named (node, "settings") && (parent->parent == NULL || parent->parent->type == XML_DOCUMENT_NODE))
    return UE_NODE_KIND_PASS;
  if (is_named (node, "servicing"))
    return UE_NODE_KIND_SERVICING;
  if (is_named (node, "package") && is_named (parent, "servicing"))
    return UE_NODE_KIND_PACKAGE;
  return UE_NODE_KIND_OTHER;
}

const char *
ue_node_get_name (UeNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return (const char *) XML_NODE (node)->name;
}

UeNode *
ue_node_get_parent (UeNode *node)
{
  xmlNode *parent;

  g_return_val_if_fail (node != NULL, NULL);
  parent = XML_NODE (node)->parent;
  if (parent == NULL || parent->type != XML_ELEMENT_NODE)
    return NULL;
  return UE_NODE (parent);
}

UeNode *
ue_node_get_first_child (UeNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return UE_NODE (_ue_xml_first_element (XML_NODE (node)));
}

UeNode *
ue_node_get_next (UeNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return UE_NODE (_ue_xml_next_element (XML_NODE (node)));
}

guint
ue_node_count_children (UeNode *node)
{
  guint n = 0;

  g_return_val_if_fail (node != NULL, 0);
  for (xmlNode *c = _ue_xml_first_element (XML_NODE (node)); c; c = _ue_xml_next_element (c))
    n++;
  return n;
}

static xmlAttr *
find_attribute (xmlNode    *node,
                const char *name)
{
  const char *colon = strchr (name, ':');
  const char *local = colon ? colon + 1 : name;
  xmlAttr *any = NULL;

  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      if (strcmp ((const char *) a->name, local) != 0)
        continue;
      /* "wcm:action" asks for the wcm namespace; "name" prefers no namespace */
      if (colon != NULL)
        {
          if (a->ns && a->ns->href && strcmp ((const char *) a->ns->href, UE_WCM_NS) == 0)
            return a;
          continue;
        }
      if (a->ns == NULL)
        return a;
      if (any == NULL)
        any = a;
    }
  return any;
}

char *
ue_node_dup_attribute (UeNode     *node,
                       const char *local_name)
{
  xmlAttr *attr;
  xmlChar *value;
  char *copy;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (local_name != NULL, NULL);

  attr = find_attribute (XML_NODE (node), local_name);
  if (attr == NULL)
    return NULL;
  value = xmlNodeListGetString (attr->doc, attr->children, 1);
  copy = g_strdup (value ? (const char *) value : "");
  xmlFree (value);
  return copy;
}

gboolean
ue_node_has_attribute (UeNode     *node,
                       const char *local_name)
{
  g_return_val_if_fail (node != NULL, FALSE);
  return find_attribute (XML_NODE (node), local_name) != NULL;
}

const char *
ue_node_get_namespace (UeNode *node)
{
  xmlNode *n = XML_NODE (node);

  g_return_val_if_fail (node != NULL, NULL);
  return n->ns && n->ns->href ? (const char *) n->ns->href : "";
}

char *
ue_node_dup_text (UeNode *node)
{
  xmlNode *n = XML_NODE (node);
  GString *text;

  g_return_val_if_fail (node != NULL, NULL);
  if (_ue_xml_first_element (n) != NULL)
    return NULL;
  text = g_string_new (NULL);
  for (xmlNode *c = n->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      g_string_append (text, (const char *) c->content);
  return g_string_free (text, FALSE);
}

static UeAnswerDoc *
doc_of (xmlNode *node)
{
  return node->doc ? node->doc->_private : NULL;
}

/* positions are those of the text as it would be saved now: right after edits too */
static gboolean
current_offset (xmlNode   *n,
                UeSource **source,
                gsize     *offset)
{
  UeAnswerDoc *doc = doc_of (n);
  GHashTable *positions;
  gpointer found;

  if (doc == NULL || n->type != XML_ELEMENT_NODE)
    return FALSE;
  *source = _ue_answer_doc_get_current (doc, &positions);
  found = g_hash_table_lookup (positions, n);
  if (found == NULL)
    return FALSE;   /* not in the document (an edit took it out) */
  *offset = GPOINTER_TO_SIZE (found) - 1;
  return TRUE;
}

void
ue_node_get_position (UeNode *node,
                      guint  *line,
                      guint  *column)
{
  UeSource *source;
  gsize offset;

  g_return_if_fail (node != NULL);

  if (line)
    *line = 0;
  if (column)
    *column = 0;
  if (current_offset (XML_NODE (node), &source, &offset))
    _ue_source_offset_to_position (source, offset, line, column);
}

void
ue_node_get_attribute_position (UeNode     *node,
                                const char *local_name,
                                guint      *line,
                                guint      *column)
{
  UeSource *source;
  gsize offset, attr_offset;

  g_return_if_fail (node != NULL);

  ue_node_get_position (node, line, column);
  if (current_offset (XML_NODE (node), &source, &offset) &&
      _ue_source_find_attribute_at (source, offset, local_name, &attr_offset))
    _ue_source_offset_to_position (source, attr_offset, line, column);
}

UeNode *
ue_node_get_pass (UeNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  for (UeNode *n = node; n != NULL; n = ue_node_get_parent (n))
    if (ue_node_get_kind (n) == UE_NODE_KIND_PASS)
      return n;
  return NULL;
}

UeNode *
ue_node_get_component (UeNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  for (xmlNode *n = XML_NODE (node); n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    if (is_named (n, "component") && n->parent && is_named (n->parent, "settings"))
      return UE_NODE (n);
  return NULL;
}

gboolean
ue_node_is_list_item (UeNode *node)
{
  g_return_val_if_fail (node != NULL, FALSE);
  return ue_node_has_attribute (node, "wcm:action") || ue_node_has_attribute (node, "wcm:keyValue");
}

const char *
ue_node_guess_key (UeNode *node)
{
  static const char * const exact[] = { "Key", "Order", "Identifier", "Name", "AddonGuid", "DriveLetter", "Domain", NULL };
  xmlNode *n = XML_NODE (node);

  g_return_val_if_fail (node != NULL, NULL);

  if (ue_node_has_attribute (node, "wcm:keyValue"))
    return "@keyValue";
  /* the order of the fact table's rules: Key, *Key, Order, Identifier, *ID, Name, … */
  for (guint rule = 0; rule < 7; rule++)
    for (xmlNode *c = _ue_xml_first_element (n); c; c = _ue_xml_next_element (c))
      {
        const char *name = (const char *) c->name;
        gboolean hit;

        switch (rule)
          {
          case 0: hit = strcmp (name, "Key") == 0; break;
          case 1: hit = g_str_has_suffix (name, "Key"); break;
          case 2: hit = strcmp (name, "Order") == 0; break;
          case 3: hit = strcmp (name, "Identifier") == 0; break;
          case 4: hit = g_str_has_suffix (name, "ID") && strcmp (name, "PartitionID") != 0; break;
          case 5: hit = strcmp (name, "Name") == 0; break;
          default: hit = g_strv_contains (exact + 4, name); break;
          }
        if (hit)
          return g_intern_string (name);
      }
  return NULL;
}

guint
ue_node_get_order (UeNode *node)
{
  g_autofree char *text = NULL;
  guint64 n = 0;

  g_return_val_if_fail (node != NULL, 0);
  for (xmlNode *c = _ue_xml_first_element (XML_NODE (node)); c && text == NULL; c = _ue_xml_next_element (c))
    if (strcmp ((const char *) c->name, "Order") == 0)
      text = ue_node_dup_text (UE_NODE (c));
  if (text == NULL || !g_ascii_string_to_unsigned (g_strstrip (text), 10, 1, G_MAXUINT, &n, NULL))
    return 0;
  return n;
}

static void
append_segment (GString *out,
                xmlNode *n)
{
  UeNode *node = UE_NODE (n);
  const char *key = ue_node_is_list_item (node) ? ue_node_guess_key (node) : NULL;
  g_autofree char *value = NULL;

  if (key != NULL && key[0] == '@')
    value = ue_node_dup_attribute (node, "wcm:keyValue");
  else if (key != NULL)
    {
      for (xmlNode *c = _ue_xml_first_element (n); c && value == NULL; c = _ue_xml_next_element (c))
        if (strcmp ((const char *) c->name, key) == 0)
          value = ue_node_dup_text (UE_NODE (c));
      if (value != NULL)
        g_strstrip (value);
    }
  ue_setting_path_append_segment (out, (const char *) n->name, value ? key : NULL, value);
}

static char *
build_path (UeNode   *node,
            gboolean  with_keys)
{
  UeNode *component;
  GPtrArray *chain;
  GString *out;

  component = ue_node_get_component (node);
  if (component == NULL)
    {
      if (ue_node_get_kind (node) == UE_NODE_KIND_PASS && with_keys)
        return ue_node_dup_attribute (node, "pass");
      return NULL;
    }
  chain = g_ptr_array_new ();
  for (UeNode *n = node; n != component; n = ue_node_get_parent (n))
    g_ptr_array_insert (chain, 0, n);
  out = g_string_new (NULL);
  if (with_keys)
    {
      g_autofree char *pass = ue_node_dup_attribute (ue_node_get_parent (component), "pass");
      g_autofree char *name = ue_node_dup_attribute (component, "name");
      g_string_append_printf (out, "%s/%s", pass ? pass : "", name ? name : "");
    }
  for (guint i = 0; i < chain->len; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, '/');
      if (with_keys)
        append_segment (out, chain->pdata[i]);
      else
        g_string_append (out, ue_node_get_name (chain->pdata[i]));
    }
  g_ptr_array_unref (chain);
  return g_string_free (out, FALSE);
}

char *
ue_node_dup_path (UeNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return build_path (node, TRUE);
}

char *
ue_node_dup_schema_path (UeNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  if (ue_node_get_kind (node) != UE_NODE_KIND_SETTING)
    return NULL;
  return build_path (node, FALSE);
}

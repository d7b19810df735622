/* validator-settings.c — the settings of a component against the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each element below a component is matched with the catalog's SettingDef by name at
 * its level; an unknown name is looked up elsewhere in the component (and in other
 * components) so the message can say where the setting belongs.
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "validator-private.h"

#define ORDER_MIN 1
#define ORDER_MAX 500

static UeSettingDef *
find_def (UeComponentDef *comp,
          UeSettingDef   *parent,
          const char     *name)
{
  if (parent != NULL)
    return ue_setting_def_find_child (parent, name);
  for (guint i = 0; i < comp->settings->len; i++)
    {
      UeSettingDef *def = comp->settings->pdata[i];
      if (strcmp (def->name, name) == 0)
        return def;
    }
  return NULL;
}

static void
collect_named (GPtrArray  *settings,
               const char *name,
               GPtrArray  *out)
{
  for (guint i = 0; i < settings->len; i++)
    {
      UeSettingDef *def = settings->pdata[i];
      if (strcmp (def->name, name) == 0)
        g_ptr_array_add (out, def->path);
      collect_named (def->children, name, out);
    }
}

static const char *
component_with_setting (UeCheck        *check,
                        UeComponentDef *comp,
                        const char     *name)
{
  GPtrArray *components = ue_catalog_get_components (check->catalog);

  for (guint i = 0; i < components->len; i++)
    {
      UeComponentDef *other = components->pdata[i];
      if (g_ascii_strcasecmp (other->name, comp->name) != 0 && find_def (other, NULL, name) != NULL)
        return other->name;
    }
  return NULL;
}

static const char *
setting_name (gconstpointer item)
{
  return ((const UeSettingDef *) item)->name;
}

static void
report_unknown (UeCheck        *check,
                UeNode         *node,
                UeComponentDef *comp,
                UeSettingDef   *parent)
{
  const char *name = ue_node_get_name (node);
  g_autofree char *where = parent ? g_strdup_printf ("%s/%s", comp->name, parent->path) : g_strdup (comp->name);
  GPtrArray *siblings = parent ? parent->children : comp->settings;
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  const char *other;
  const char *suggestion;

  collect_named (comp->settings, name, places);
  if (places->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (places, NULL);
      list = g_strjoinv (_(" or "), (char **) places->pdata);
      _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, node, NULL,
                        _("“%s” does not belong in %s; its place is %s"), name, where, list);
      return;
    }
  /* a typo or a case slip next to a real sibling */
  suggestion = _ue_closest_name (name, siblings, setting_name);
  if (suggestion != NULL)
    {
      _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, node, NULL,
                        _("unknown setting “%s” in %s; did you mean “%s”?"), name, where, suggestion);
      return;
    }
  other = component_with_setting (check, comp, name);
  if (other != NULL)
    _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, node, NULL,
                      _("unknown setting “%s” in %s; it belongs to component %s"), name, where, other);
  else
    _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, node, NULL,
                      _("unknown setting “%s” in %s"), name, where);
}

static gboolean
is_list_order (const UeSettingDef *def)
{
  return strcmp (def->name, "Order") == 0 && def->parent != NULL && def->parent->kind == UE_SETTING_KIND_LIST;
}

static void
check_action (UeCheck *check,
              UeNode  *item)
{
  static const char * const actions[] = { "add", "modify", "remove", NULL };
  g_autofree char *action = ue_node_dup_attribute (item, "wcm:action");

  if (action == NULL)
    _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, item, NULL,
                      _("list item “%s” has no wcm:action attribute (WSIM writes wcm:action=\"add\")"),
                      ue_node_get_name (item));
  else if (!g_strv_contains (actions, action))
    _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, item, "wcm:action",
                      _("wcm:action “%s” is not one of add, modify, remove"), action);
}

typedef struct
{
  gint64  order;
  UeNode *node;
} OrderedItem;

static gint
compare_order (gconstpointer a,
               gconstpointer b)
{
  const OrderedItem *x = a, *y = b;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* ordered commands run 1, 2, 3…; a hole is harmless to Setup but usually a lost item */
static void
check_order_gaps (UeCheck    *check,
                  const char *item_name,
                  GArray     *orders)
{
  gint64 expected = ORDER_MIN;

  g_array_sort (orders, compare_order);
  for (guint i = 0; i < orders->len; i++)
    {
      OrderedItem *o = &g_array_index (orders, OrderedItem, i);
      if (o->order < expected)
        continue;   /* a duplicate, reported already */
      if (o->order > expected)
        {
          _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, o->node, NULL,
                            _("the Order numbers of “%s” have a gap: %lld is missing"),
                            item_name, (long long) expected);
          return;
        }
      expected++;
    }
}

static char *
item_key (UeCheck      *check,
          UeNode       *item,
          const char   *key,
          UeNode      **key_node)
{
  UeNode *child;
  char *text;

  *key_node = item;
  if (key[0] == '@')
    {
      char *value = ue_node_dup_attribute (item, "wcm:keyValue");
      if (value == NULL)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, item, NULL,
                          _("list item “%s” has no wcm:keyValue attribute (its key)"), ue_node_get_name (item));
      return value;
    }
  child = ue_answer_doc_find_child (check->doc, item, key);
  /* files (and catalogs) disagree on which items use the hidden key: accept either */
  if (child == NULL && ue_node_has_attribute (item, "wcm:keyValue"))
    return ue_node_dup_attribute (item, "wcm:keyValue");
  if (child == NULL)
    {
      _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, item, NULL,
                        _("list item “%s” has no <%s> (its key)"), ue_node_get_name (item), key);
      return NULL;
    }
  *key_node = child;
  text = ue_node_dup_text (child);
  return text ? g_strstrip (text) : NULL;
}

/* the items of one list (same element name under one parent) */
static void
check_list_items (UeCheck      *check,
                  UeSettingDef *def,
                  GPtrArray    *items)
{
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GArray) orders = NULL;
  gboolean ordered;

  if (def->key == NULL)
    return;
  ordered = strcmp (def->key, "Order") == 0;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  orders = g_array_new (FALSE, FALSE, sizeof (OrderedItem));
  for (guint i = 0; i < items->len; i++)
    {
      UeNode *item = items->pdata[i];
      UeNode *key_node = NULL;
      g_autofree char *value = item_key (check, item, def->key, &key_node);
      g_autofree char *action = NULL;
      UeNode *first;
      gint64 order = 0;

      if (value == NULL || _ue_has_placeholder (value, FALSE))
        continue;
      if (ordered)
        {
          if (!_ue_parse_integer (value, &order))
            {
              _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, key_node, NULL,
                                _("“%s” must be a whole number, not “%s”"), "Order", value);
              continue;
            }
          if (order < ORDER_MIN || order > ORDER_MAX)
            {
              _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, key_node, NULL,
                                _("Order %s is outside %d..%d"), value, ORDER_MIN, ORDER_MAX);
              continue;
            }
          /* "01" and "1" are the same place in the order */
          g_free (value);
          value = g_strdup_printf ("%" G_GINT64_FORMAT, order);
        }
      first = g_hash_table_lookup (keys, value);
      if (first != NULL)
        {
          guint line = 0;
          ue_node_get_position (first, &line, NULL);
          if (ordered)
            _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, key_node, NULL,
                              _("Order %s is used twice in “%s” (first at line %u)"),
                              value, ue_node_get_name (item), line);
          else
            _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, key_node, NULL,
                              _("duplicate key: another “%s” has %s “%s” (line %u)"),
                              ue_node_get_name (item), def->key[0] == '@' ? "wcm:keyValue" : def->key,
                              value, line);
        }
      else
        g_hash_table_insert (keys, g_strdup (value), item);

      action = ue_node_dup_attribute (item, "wcm:action");
      /* modify and remove refer to items of an earlier answer file: their numbers may skip */
      if (ordered && (action == NULL || strcmp (action, "add") == 0))
        {
          OrderedItem o = { order, item };
          g_array_append_val (orders, o);
        }
    }
  if (ordered)
    check_order_gaps (check, def->name, orders);
}

static void check_children (UeCheck        *check,
                            UeNode         *node,
                            UeComponentDef *comp,
                            UeSettingDef   *parent,
                            UePassFlags     pass);

static void
check_setting (UeCheck        *check,
               UeNode         *node,
               UeComponentDef *comp,
               UeSettingDef   *parent,
               UePassFlags     pass)
{
  UeSettingDef *def = find_def (comp, parent, ue_node_get_name (node));
  g_autofree char *text = NULL;
  gboolean holds_value;

  if (def == NULL)
    {
      report_unknown (check, node, comp, parent);
      return;
    }
  /* passes are set on top-level settings and hold for everything below them */
  if (parent == NULL && pass != UE_PASS_NONE && def->passes != UE_PASS_NONE && (def->passes & pass) == 0)
    {
      g_autofree char *allowed = ue_pass_flags_to_string (def->passes);
      g_auto(GStrv) words = g_strsplit (allowed, " ", -1);
      g_autofree char *list = g_strjoinv (", ", words);
      g_autofree char *pass_name = ue_pass_flags_to_string (pass);

      _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, node, NULL,
                        _("“%s” cannot be set in pass %s; it is allowed in %s"), def->name, pass_name, list);
    }
  if (def->deprecated)
    _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, node, NULL,
                      _("“%s” is deprecated; newer versions of Windows may ignore it"), def->name);
  if (def->kind == UE_SETTING_KIND_LIST)
    check_action (check, node);

  holds_value = def->kind == UE_SETTING_KIND_SIMPLE ||
                (def->value_type != UE_VALUE_TYPE_NONE && def->children->len == 0);
  text = ue_node_dup_text (node);
  if (holds_value)
    {
      UeMessageSeverity severity;
      g_autofree char *problem = NULL;

      if (text == NULL)
        {
          _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, node, NULL,
                            _("“%s” holds a value, not settings like <%s>"),
                            def->name, ue_node_get_name (ue_node_get_first_child (node)));
          return;
        }
      /* placeholders are reported on their own; Order in a list is checked with its list */
      if (_ue_has_placeholder (text, _ue_is_command_like (def->name)) || is_list_order (def))
        return;
      problem = _ue_check_value (def, text, &severity);
      if (problem != NULL)
        _ue_check_report (check, severity, node, NULL, "%s", problem);
      return;
    }
  if (text != NULL && *g_strstrip (text) != '\0' && !_ue_has_placeholder (text, FALSE))
    {
      _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, node, NULL,
                        _("“%s” holds settings, not a value like “%s”"), def->name, text);
      return;
    }
  check_children (check, node, comp, def, pass);
}

/* every child of node (a component or a container setting), then its lists */
static void
check_children (UeCheck        *check,
                UeNode         *node,
                UeComponentDef *comp,
                UeSettingDef   *parent,
                UePassFlags     pass)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) singles = g_hash_table_new (g_str_hash, g_str_equal);

  for (UeNode *child = ue_node_get_first_child (node); child; child = ue_node_get_next (child))
    {
      const char *name = ue_node_get_name (child);
      UeSettingDef *def = find_def (comp, parent, name);
      GPtrArray *items;

      check_setting (check, child, comp, parent, pass);
      if (def == NULL)
        continue;
      if (def->kind != UE_SETTING_KIND_LIST)
        {
          UeNode *first = g_hash_table_lookup (singles, name);
          guint line = 0;

          if (first == NULL)
            {
              g_hash_table_insert (singles, (gpointer) name, child);
              continue;
            }
          ue_node_get_position (first, &line, NULL);
          _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, child, NULL,
                            _("“%s” appears a second time (first at line %u); it is not a list"), name, line);
          continue;
        }
      items = g_hash_table_lookup (lists, name);
      if (items == NULL)
        {
          items = g_ptr_array_new ();
          g_hash_table_insert (lists, (gpointer) name, items);
          g_ptr_array_add (names, (gpointer) name);
        }
      g_ptr_array_add (items, child);
    }
  for (guint i = 0; i < names->len; i++)
    check_list_items (check, find_def (comp, parent, names->pdata[i]), g_hash_table_lookup (lists, names->pdata[i]));
}

void
_ue_check_settings (UeCheck        *check,
                    UeNode         *component,
                    UeComponentDef *def,
                    UePassFlags     pass)
{
  g_assert (check != NULL && component != NULL && def != NULL);
  check_children (check, component, def, NULL, pass);
}

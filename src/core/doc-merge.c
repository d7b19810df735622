/* doc-merge.c — merge one answer file into another, as one undoable step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk serves both the dry run (find the conflicts) and the merge: in a dry run
 * nothing is created, and a subtree BASE lacks cannot hold a conflict, so it is skipped.
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "doc-merge.h"
#include "password-node.h"
#include "secret.h"

typedef struct
{
  UeAnswerDoc     *base;
  UeAnswerDoc     *other;
  UeCatalog       *catalog;
  UeComponentDef  *component;   /* the catalog's def of the component being merged, or NULL */
  const char      *arch;        /* its architecture */
  gboolean         dry;
  UeMergeResolver  resolver;
  gpointer         user_data;
  GPtrArray       *conflicts;
} Merge;

void
ue_merge_conflict_free (UeMergeConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->path);
  g_free (conflict->arch);
  g_free (conflict->base_value);
  g_free (conflict->other_value);
  g_free (conflict);
}

gboolean
ue_merge_keep_base (const UeMergeConflict *conflict,
                    gpointer               user_data)
{
  return FALSE;
}

gboolean
ue_merge_take_other (const UeMergeConflict *conflict,
                     gpointer               user_data)
{
  return TRUE;
}

/* whitespace around a value is layout, and Windows reads booleans in any case */
static gboolean
same_value (const char *a,
            const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a ? a : ""));
  g_autofree char *y = g_strstrip (g_strdup (b ? b : ""));

  if ((g_ascii_strcasecmp (x, "true") == 0 || g_ascii_strcasecmp (x, "false") == 0))
    return g_ascii_strcasecmp (x, y) == 0;
  return strcmp (x, y) == 0;
}

/* record a conflict and ask the resolver; TRUE when OTHER's value is to be written */
static gboolean
conflict_at (Merge      *m,
             char       *path,
             const char *arch,
             const char *base_value,
             const char *other_value,
             gboolean    secret)
{
  UeMergeConflict *c = g_new0 (UeMergeConflict, 1);

  c->path = path;
  c->arch = g_strdup (arch ? arch : "");
  c->base_value = g_strdup (base_value ? base_value : "");
  c->other_value = g_strdup (other_value ? other_value : "");
  c->secret = secret;
  c->take_other = m->resolver != NULL && m->resolver (c, m->user_data);
  g_ptr_array_add (m->conflicts, c);
  return c->take_other;
}

static gboolean
conflict (Merge      *m,
          UeNode     *base_node,
          const char *base_value,
          const char *other_value,
          gboolean    secret)
{
  return conflict_at (m, ue_node_dup_path (base_node), m->arch, base_value, other_value, secret);
}

static UeSettingDef *
item_def (Merge  *m,
          UeNode *item)
{
  g_autofree char *schema_path = NULL;

  if (m->component == NULL)
    return NULL;
  schema_path = ue_node_dup_schema_path (item);
  return schema_path ? ue_component_def_lookup (m->component, schema_path) : NULL;
}

/* the key a list item of OTHER is matched by: the catalog's, else the one it shows */
static const char *
item_key (Merge  *m,
          UeNode *item)
{
  UeSettingDef *def = item_def (m, item);

  if (def != NULL && def->key != NULL)
    return def->key;
  return ue_node_guess_key (item);
}

/* the child naming what an item of an Order-keyed list runs (CommandLine, or Path for
 * RunSynchronous and RunAsynchronous), or NULL when the list holds no commands
 * (partitions, data images: those still match by Order) */
static const char *
command_field (Merge  *m,
               UeNode *item)
{
  static const char * const fields[] = { "CommandLine", "Path" };
  UeSettingDef *def;

  if (g_strcmp0 (item_key (m, item), "Order") != 0)
    return NULL;
  def = item_def (m, item);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (def != NULL ? ue_setting_def_find_child (def, fields[i]) != NULL
                    : ue_answer_doc_find_child (m->other, item, fields[i]) != NULL)
      return fields[i];
  return NULL;
}

/* the command field of the list NAME under parent: any item that has one decides */
static const char *
list_command_field (Merge      *m,
                    UeNode     *parent,
                    const char *name)
{
  for (UeNode *o = ue_node_get_first_child (parent); o != NULL; o = ue_node_get_next (o))
    {
      const char *field;

      if (strcmp (ue_node_get_name (o), name) == 0 && ue_node_is_list_item (o) &&
          (field = command_field (m, o)) != NULL)
        return field;
    }
  return NULL;
}

static char *
item_key_value (Merge      *m,
                UeNode     *item,
                const char *key)
{
  UeNode *child;
  char *value;

  if (key[0] == '@')
    return ue_node_dup_attribute (item, "wcm:keyValue");
  child = ue_answer_doc_find_child (m->other, item, key);
  value = child ? ue_node_dup_text (child) : NULL;
  return value ? g_strstrip (value) : NULL;
}

/* same element names and values all the way down (attributes aside) */
static gboolean
same_subtree (UeNode *a,
              UeNode *b)
{
  UeNode *x, *y;

  if (strcmp (ue_node_get_name (a), ue_node_get_name (b)) != 0)
    return FALSE;
  if (ue_node_get_first_child (a) == NULL || ue_node_get_first_child (b) == NULL)
    {
      g_autofree char *ta = ue_node_dup_text (a);
      g_autofree char *tb = ue_node_dup_text (b);
      return ta != NULL && tb != NULL && same_value (ta, tb);
    }
  for (x = ue_node_get_first_child (a), y = ue_node_get_first_child (b); x != NULL && y != NULL;
       x = ue_node_get_next (x), y = ue_node_get_next (y))
    if (!same_subtree (x, y))
      return FALSE;
  return x == NULL && y == NULL;
}

/* an item without a key matches only an identical one, so merging twice adds it once */
static UeNode *
find_same_item (UeNode *parent,
                UeNode *other)
{
  for (UeNode *n = ue_node_get_first_child (parent); n != NULL; n = ue_node_get_next (n))
    if (ue_node_is_list_item (n) && same_subtree (n, other))
      return n;
  return NULL;
}

static void merge_children (Merge      *m,
                            UeNode     *base,
                            UeNode     *other,
                            const char *skip);

/* OTHER's password as OTHER writes it (hidden stays hidden, plain stays plain) */
static void
copy_password (Merge  *m,
               UeNode *base,
               UeNode *other)
{
  static const char * const parts[] = { "Value", "PlainText" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      UeNode *from = ue_answer_doc_find_child (m->other, other, parts[i]);
      g_autofree char *text = from ? ue_node_dup_text (from) : NULL;

      if (text != NULL)
        ue_answer_doc_set_text (m->base, ue_answer_doc_ensure_child (m->base, base, parts[i]), text);
    }
}

/* a password container is one conflict, compared by the password it holds: hidden in one
 * file and plain in the other is the same password */
static void
merge_password (Merge  *m,
                UeNode *base,
                UeNode *other)
{
  g_autofree char *base_password = ue_password_node_dup (m->base, base);
  g_autofree char *other_password = ue_password_node_dup (m->other, other);

  if (g_strcmp0 (base_password, other_password) == 0)
    return;
  if (ue_answer_doc_find_child (m->base, base, "Value") == NULL)
    {
      if (!m->dry)
        copy_password (m, base, other);
      return;
    }
  if (conflict (m, base, base_password, other_password, TRUE) && !m->dry)
    copy_password (m, base, other);
}

static void
merge_leaf (Merge  *m,
            UeNode *parent,
            UeNode *base,
            UeNode *other)
{
  g_autofree char *other_value = ue_node_dup_text (other);
  g_autofree char *base_value = NULL;

  if (base == NULL)
    {
      if (m->dry)
        return;
      base = ue_answer_doc_ensure_child (m->base, parent, ue_node_get_name (other));
      /* an empty element stays empty (<X/>), as in OTHER */
      if (other_value != NULL && *other_value != '\0')
        ue_answer_doc_set_text (m->base, base, other_value);
      return;
    }
  /* BASE holds settings where OTHER has a value: not the same setting, BASE's stays */
  if (ue_node_get_first_child (base) != NULL)
    return;
  base_value = ue_node_dup_text (base);
  if (same_value (base_value, other_value))
    return;
  if (conflict (m, base, base_value, other_value, FALSE) && !m->dry)
    ue_answer_doc_set_text (m->base, base, other_value ? other_value : "");
}

static void
merge_item (Merge  *m,
            UeNode *parent,
            UeNode *other)
{
  const char *name = ue_node_get_name (other);
  const char *key = item_key (m, other);
  g_autofree char *key_value = key ? item_key_value (m, other, key) : NULL;
  g_autofree char *action = NULL;
  UeNode *base = NULL;

  if (parent != NULL && key_value != NULL)
    base = ue_answer_doc_find_item (m->base, parent, name, key, key_value);
  else if (parent != NULL)
    base = find_same_item (parent, other);
  if (base == NULL)
    {
      if (m->dry)
        return;
      base = ue_answer_doc_add_list_item (m->base, parent, name, key_value ? key : NULL, key_value);
      action = ue_node_dup_attribute (other, "wcm:action");
      if (action != NULL && strcmp (action, "add") != 0)
        ue_answer_doc_set_attribute (m->base, base, "wcm:action", action);
      if (ue_node_get_first_child (other) == NULL)
        {
          /* an item whose text is its value */
          g_autofree char *text = ue_node_dup_text (other);
          if (text != NULL && *text != '\0')
            ue_answer_doc_set_text (m->base, base, text);
          return;
        }
    }
  if (ue_node_get_first_child (other) == NULL)
    merge_leaf (m, parent, base, other);
  else
    merge_children (m, base, other, NULL);
}

static gint
by_order (gconstpointer a,
          gconstpointer b)
{
  guint x = ue_node_get_order (*(UeNode **) a);
  guint y = ue_node_get_order (*(UeNode **) b);

  /* items without a number run after the numbered ones */
  x = x ? x : G_MAXUINT;
  y = y ? y : G_MAXUINT;
  return x < y ? -1 : x > y;
}

/* the children named `name` of parent that are list items, in document order */
static GPtrArray *
list_items (UeNode     *parent,
            const char *name)
{
  GPtrArray *items = g_ptr_array_new ();

  for (UeNode *n = ue_node_get_first_child (parent); n != NULL; n = ue_node_get_next (n))
    if (ue_node_is_list_item (n) && strcmp (ue_node_get_name (n), name) == 0)
      g_ptr_array_add (items, n);
  return items;
}

static char *
dup_child_text (UeAnswerDoc *doc,
                UeNode      *parent,
                const char  *name)
{
  UeNode *child = ue_answer_doc_find_child (doc, parent, name);
  char *text = child ? ue_node_dup_text (child) : NULL;

  return text ? g_strstrip (text) : NULL;
}

/* An ordered command list: a baseline's command 1 and this file's command 1 are two
 * commands, so items match by the command they run; the others are appended after
 * BASE's, numbered on from BASE's last, in the order OTHER runs them. Only BASE's own
 * items are candidates, so that the dry run and the merge meet the same conflicts. */
static void
merge_commands (Merge      *m,
                UeNode     *base,
                UeNode     *other,
                const char *name,
                const char *field)
{
  g_autoptr(GPtrArray) base_items = list_items (base, name);
  g_autoptr(GPtrArray) other_items = list_items (other, name);

  /* stable: equal or missing numbers keep OTHER's document order */
  g_ptr_array_sort (other_items, by_order);
  for (guint i = 0; i < other_items->len; i++)
    {
      UeNode *o = other_items->pdata[i];
      g_autofree char *command = dup_child_text (m->other, o, field);
      UeNode *b = NULL;

      for (guint j = 0; command != NULL && b == NULL && j < base_items->len; j++)
        {
          g_autofree char *base_command = dup_child_text (m->base, base_items->pdata[j], field);
          if (g_strcmp0 (base_command, command) == 0)
            b = base_items->pdata[j];
        }
      if (b == NULL)
        {
          guint last = 0;

          if (m->dry)
            continue;
          for (UeNode *n = ue_node_get_first_child (base); n != NULL; n = ue_node_get_next (n))
            if (strcmp (ue_node_get_name (n), name) == 0)
              last = MAX (last, ue_node_get_order (n));
          b = ue_answer_doc_insert_ordered_item (m->base, base, name, last + 1);
        }
      merge_children (m, b, o, "Order");
    }
}

/* skip: a child of OTHER's that is not merged (an item's Order, given in BASE) */
static void
merge_children (Merge      *m,
                UeNode     *base,
                UeNode     *other,
                const char *skip)
{
  g_autoptr(GHashTable) lists_done = NULL;

  for (UeNode *o = ue_node_get_first_child (other); o != NULL; o = ue_node_get_next (o))
    {
      const char *name = ue_node_get_name (o);
      const char *field;
      UeNode *b;

      if (g_strcmp0 (name, skip) == 0)
        continue;
      if (ue_node_is_list_item (o))
        {
          /* decided once per list, at its first item: an item without a command must not
           * be matched by Order and then appended again with the list's commands */
          if (lists_done == NULL)
            lists_done = g_hash_table_new (g_str_hash, g_str_equal);
          if (!g_hash_table_contains (lists_done, name))
            {
              field = list_command_field (m, other, name);
              g_hash_table_insert (lists_done, (gpointer) name, (gpointer) (field ? field : ""));
              if (field != NULL)
                merge_commands (m, base, other, name, field);
            }
          if (*(const char *) g_hash_table_lookup (lists_done, name) == '\0')
            merge_item (m, base, o);
          continue;
        }
      b = base ? ue_answer_doc_find_child (m->base, base, name) : NULL;
      if (ue_secret_is_password_element (name) && ue_answer_doc_find_child (m->other, o, "Value") != NULL)
        {
          if (b == NULL && !m->dry)
            b = ue_answer_doc_ensure_child (m->base, base, name);
          if (b != NULL)
            merge_password (m, b, o);
        }
      else if (ue_node_get_first_child (o) == NULL)
        merge_leaf (m, base, b, o);
      else
        {
          if (b == NULL && !m->dry)
            b = ue_answer_doc_ensure_child (m->base, base, name);
          if (b != NULL)
            merge_children (m, b, o, NULL);
        }
    }
}

/* the component in any of BASE's <settings pass="pass"> (real files repeat passes) */
static UeNode *
find_base_component (Merge      *m,
                     const char *pass,
                     const char *name,
                     const char *arch)
{
  g_autoptr(GPtrArray) passes = ue_answer_doc_get_passes (m->base);

  for (guint i = 0; i < passes->len; i++)
    {
      g_autofree char *p = ue_node_dup_attribute (passes->pdata[i], "pass");
      UeNode *found;

      if (g_strcmp0 (p, pass) != 0)
        continue;
      found = ue_answer_doc_find_component (m->base, passes->pdata[i], name, arch);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
merge_component (Merge      *m,
                 const char *pass,
                 UeNode     *other)
{
  static const char * const identity[] = { "publicKeyToken", "language", "versionScope" };
  g_autofree char *name = ue_node_dup_attribute (other, "name");
  g_autofree char *arch = ue_node_dup_attribute (other, "processorArchitecture");
  UeNode *base;

  if (name == NULL)
    return;
  base = find_base_component (m, pass, name, arch);
  if (base == NULL)
    {
      if (m->dry)
        return;
      base = ue_answer_doc_ensure_component (m->base, pass, name, arch);
      /* the identity OTHER wrote, where it differs from the usual one */
      for (guint i = 0; i < G_N_ELEMENTS (identity); i++)
        {
          g_autofree char *value = ue_node_dup_attribute (other, identity[i]);
          if (value != NULL)
            ue_answer_doc_set_attribute (m->base, base, identity[i], value);
        }
    }
  m->arch = arch;
  /* keys do not change between architectures: any def will do when this arch has none */
  m->component = m->catalog ? ue_catalog_find_component (m->catalog, name, arch) : NULL;
  if (m->catalog != NULL && m->component == NULL)
    m->component = ue_catalog_find_component (m->catalog, name, NULL);
  merge_children (m, base, other, NULL);
  m->component = NULL;
  m->arch = NULL;
}

/* ---- servicing ---- */

static UeNode *
first_of_kind (UeNode     *parent,
               UeNodeKind  kind)
{
  for (UeNode *n = ue_node_get_first_child (parent); n != NULL; n = ue_node_get_next (n))
    if (ue_node_get_kind (n) == kind)
      return n;
  return NULL;
}

static gboolean
same_attribute (UeNode     *a,
                UeNode     *b,
                const char *name)
{
  g_autofree char *x = ue_node_dup_attribute (a, name);
  g_autofree char *y = ue_node_dup_attribute (b, name);

  /* a missing attribute is an empty one (language="" is real, for Foundation packages) */
  return g_ascii_strcasecmp (x ? x : "", y ? y : "") == 0;
}

/* Windows compares assembly identities case-insensitively */
static gboolean
same_identity (UeNode *a,
               UeNode *b)
{
  static const char * const parts[] = { "name", "version", "processorArchitecture", "publicKeyToken", "language" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!same_attribute (a, b, parts[i]))
      return FALSE;
  return TRUE;
}

/* the children of parent as they are now: OTHER's duplicates are not matched against
 * what the merge itself added, so that the dry run meets the same conflicts */
static GPtrArray *
children_now (UeNode *parent)
{
  GPtrArray *children = g_ptr_array_new ();

  for (UeNode *n = ue_node_get_first_child (parent); n != NULL; n = ue_node_get_next (n))
    g_ptr_array_add (children, n);
  return children;
}

static UeNode *
find_package (Merge     *m,
              GPtrArray *packages,
              UeNode    *identity)
{
  for (guint i = 0; i < packages->len; i++)
    {
      UeNode *p = packages->pdata[i];
      UeNode *id = ue_node_get_kind (p) == UE_NODE_KIND_PACKAGE
                   ? ue_answer_doc_find_child (m->base, p, "assemblyIdentity") : NULL;
      if (id != NULL && same_identity (id, identity))
        return p;
    }
  return NULL;
}

/* the element `name` among candidates whose `attribute` (NULL: any) matches value
 * (case-insensitively: DISM takes feature names in any case since Windows 8) */
static UeNode *
find_by_attribute (GPtrArray  *candidates,
                   const char *name,
                   const char *attribute,
                   const char *value)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      UeNode *n = candidates->pdata[i];
      g_autofree char *v = NULL;

      if (strcmp (ue_node_get_name (n), name) != 0)
        continue;
      if (attribute == NULL)
        return n;
      v = ue_node_dup_attribute (n, attribute);
      if (g_ascii_strcasecmp (v ? v : "", value ? value : "") == 0)
        return n;
    }
  return NULL;
}

/* an attribute of a package (or of an element in it) that both files give, differently */
static void
merge_package_attribute (Merge      *m,
                         UeNode     *base,
                         UeNode     *other,
                         const char *attribute,
                         const char *path,
                         const char *arch)
{
  g_autofree char *x = ue_node_dup_attribute (base, attribute);
  g_autofree char *y = ue_node_dup_attribute (other, attribute);

  if (y == NULL || same_value (x, y))
    return;
  if (conflict_at (m, g_strdup (path), arch, x, y, FALSE) && !m->dry)
    ue_answer_doc_set_attribute (m->base, base, attribute, y);
}

/* a package both files hold: its action, source and feature selections */
static void
merge_package (Merge  *m,
               UeNode *base,
               UeNode *other)
{
  /* named as BASE spells it: the path is one in BASE */
  UeNode *identity = ue_answer_doc_find_child (m->base, base, "assemblyIdentity");
  g_autofree char *package_name = ue_node_dup_attribute (identity, "name");
  g_autofree char *arch = ue_node_dup_attribute (identity, "processorArchitecture");
  g_autofree char *path = g_strdup_printf ("servicing/package[%s]", package_name ? package_name : "");
  g_autofree char *action_path = g_strconcat (path, "/@action", NULL);
  g_autoptr(GPtrArray) children = children_now (base);

  merge_package_attribute (m, base, other, "action", action_path, arch);
  for (UeNode *o = ue_node_get_first_child (other); o != NULL; o = ue_node_get_next (o))
    {
      const char *name = ue_node_get_name (o);
      g_autofree char *feature = NULL;
      g_autofree char *child_path = NULL;
      UeNode *b;

      if (strcmp (name, "selection") == 0)
        {
          feature = ue_node_dup_attribute (o, "name");
          b = find_by_attribute (children, name, "name", feature);
          child_path = g_strdup_printf ("%s/selection[%s]", path, feature ? feature : "");
          if (b != NULL)
            merge_package_attribute (m, b, o, "state", child_path, arch);
        }
      else if (strcmp (name, "source") == 0)
        {
          b = find_by_attribute (children, name, NULL, NULL);
          child_path = g_strconcat (path, "/source", NULL);
          if (b != NULL)
            merge_package_attribute (m, b, o, "location", child_path, arch);
        }
      else
        continue;   /* assemblyIdentity: the same, or the packages would not match */
      if (b == NULL && !m->dry)
        ue_answer_doc_insert_copy (m->base, base, NULL, o);
    }
}

static void
merge_servicing (Merge  *m,
                 UeNode *other)
{
  UeNode *root = ue_answer_doc_get_root (m->base);
  UeNode *servicing = first_of_kind (root, UE_NODE_KIND_SERVICING);
  g_autoptr(GPtrArray) packages = NULL;

  if (servicing == NULL)
    {
      /* all of it is new: no conflicts, and nothing to do in a dry run */
      if (m->dry || first_of_kind (other, UE_NODE_KIND_PACKAGE) == NULL)
        return;
      servicing = ue_answer_doc_ensure_servicing (m->base);
      if (servicing == NULL)
        return;
    }
  packages = children_now (servicing);
  for (UeNode *o = ue_node_get_first_child (other); o != NULL; o = ue_node_get_next (o))
    {
      /* without an identity there is nothing to match by (the validator reports it) */
      UeNode *identity = ue_node_get_kind (o) == UE_NODE_KIND_PACKAGE
                         ? ue_answer_doc_find_child (m->other, o, "assemblyIdentity") : NULL;
      UeNode *base = identity ? find_package (m, packages, identity) : NULL;

      if (base != NULL)
        merge_package (m, base, o);
      else if (identity != NULL && !m->dry)
        ue_answer_doc_insert_copy (m->base, servicing, NULL, o);
    }
}

static gboolean
has_packages (UeAnswerDoc *doc)
{
  UeNode *root = ue_answer_doc_get_root (doc);

  for (UeNode *s = ue_node_get_first_child (root); s != NULL; s = ue_node_get_next (s))
    if (ue_node_get_kind (s) == UE_NODE_KIND_SERVICING && first_of_kind (s, UE_NODE_KIND_PACKAGE) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
check_fragment (Merge   *m,
                GError **error)
{
  g_autoptr(GPtrArray) passes = NULL;

  if (strcmp (ue_node_get_name (ue_answer_doc_get_root (m->base)), "unattend") == 0)
    return TRUE;
  if (has_packages (m->other))
    {
      g_set_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_PATH,
                   _("%s: error: this file holds a single pass and cannot take the servicing packages of %s"),
                   ue_answer_doc_get_display_name (m->base), ue_answer_doc_get_display_name (m->other));
      return FALSE;
    }
  passes = ue_answer_doc_get_passes (m->other);
  for (guint i = 0; i < passes->len; i++)
    {
      g_autofree char *pass = ue_node_dup_attribute (passes->pdata[i], "pass");
      if (pass != NULL && ue_answer_doc_find_pass (m->base, pass) == NULL)
        {
          g_set_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_PATH,
                       _("%s: error: this file holds a single pass and cannot take the %s pass of %s"),
                       ue_answer_doc_get_display_name (m->base), pass,
                       ue_answer_doc_get_display_name (m->other));
          return FALSE;
        }
    }
  return TRUE;
}

static void
run (Merge *m)
{
  g_autoptr(GPtrArray) passes = ue_answer_doc_get_passes (m->other);

  /* first, as in the file: conflicts come in document order */
  for (UeNode *s = ue_node_get_first_child (ue_answer_doc_get_root (m->other)); s != NULL; s = ue_node_get_next (s))
    if (ue_node_get_kind (s) == UE_NODE_KIND_SERVICING)
      merge_servicing (m, s);
  for (guint i = 0; i < passes->len; i++)
    {
      g_autofree char *pass = ue_node_dup_attribute (passes->pdata[i], "pass");

      if (pass == NULL)
        continue;
      if (!m->dry)
        ue_answer_doc_ensure_pass (m->base, pass);
      for (UeNode *c = ue_node_get_first_child (passes->pdata[i]); c != NULL; c = ue_node_get_next (c))
        if (ue_node_get_kind (c) == UE_NODE_KIND_COMPONENT)
          merge_component (m, pass, c);
    }
}

GPtrArray *
ue_doc_merge_find_conflicts (UeAnswerDoc *base,
                             UeAnswerDoc *other,
                             UeCatalog   *catalog)
{
  Merge m = { base, other, catalog, NULL, NULL, TRUE, NULL, NULL, NULL };

  g_return_val_if_fail (UE_IS_ANSWER_DOC (base), NULL);
  g_return_val_if_fail (UE_IS_ANSWER_DOC (other), NULL);
  g_return_val_if_fail (catalog == NULL || UE_IS_CATALOG (catalog), NULL);

  m.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) ue_merge_conflict_free);
  run (&m);
  return m.conflicts;
}

gboolean
ue_doc_merge (UeAnswerDoc     *base,
              UeAnswerDoc     *other,
              UeCatalog       *catalog,
              UeMergeResolver  resolver,
              gpointer         user_data,
              GPtrArray      **conflicts,
              GError         **error)
{
  Merge m = { base, other, catalog, NULL, NULL, FALSE, resolver, user_data, NULL };
  g_autofree char *label = NULL;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (base), FALSE);
  g_return_val_if_fail (UE_IS_ANSWER_DOC (other), FALSE);
  g_return_val_if_fail (base != other, FALSE);
  g_return_val_if_fail (catalog == NULL || UE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_fragment (&m, error))
    return FALSE;
  m.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) ue_merge_conflict_free);
  label = g_strdup_printf (_("Merge %s"), ue_answer_doc_get_display_name (other));
  ue_answer_doc_begin_group (base, label);
  run (&m);
  ue_answer_doc_end_group (base);
  if (conflicts != NULL)
    *conflicts = g_steal_pointer (&m.conflicts);
  else
    g_ptr_array_unref (m.conflicts);
  return TRUE;
}

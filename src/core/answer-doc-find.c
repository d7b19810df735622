/* answer-doc-find.c — finding passes, components, settings and list items of an answer document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only walks over the public node accessors: names compare as Windows compares them
 * (component names without case), a pass may appear more than once.
 */
#define G_LOG_DOMAIN "ue-core"

#include <string.h>

#include "answer-doc.h"
#include "setting-path.h"

GPtrArray *
ue_answer_doc_get_passes (UeAnswerDoc *self)
{
  GPtrArray *passes;
  UeNode *root;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);

  passes = g_ptr_array_new ();
  root = ue_answer_doc_get_root (self);
  if (ue_node_get_kind (root) == UE_NODE_KIND_ROOT && strcmp (ue_node_get_name (root), "settings") == 0)
    {
      g_ptr_array_add (passes, root);   /* a bare <settings> fragment */
      return passes;
    }
  for (UeNode *n = ue_node_get_first_child (root); n != NULL; n = ue_node_get_next (n))
    if (ue_node_get_kind (n) == UE_NODE_KIND_PASS)
      g_ptr_array_add (passes, n);
  return passes;
}

UeNode *
ue_answer_doc_find_pass (UeAnswerDoc *self,
                         const char  *pass)
{
  g_autoptr(GPtrArray) passes = NULL;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (pass != NULL, NULL);

  passes = ue_answer_doc_get_passes (self);
  for (guint i = 0; i < passes->len; i++)
    {
      g_autofree char *name = ue_node_dup_attribute (passes->pdata[i], "pass");
      if (g_strcmp0 (name, pass) == 0)
        return passes->pdata[i];
    }
  return NULL;
}

UeNode *
ue_answer_doc_find_component (UeAnswerDoc *self,
                              UeNode      *pass,
                              const char  *name,
                              const char  *arch)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (pass != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (UeNode *n = ue_node_get_first_child (pass); n != NULL; n = ue_node_get_next (n))
    {
      g_autofree char *n_name = NULL;
      g_autofree char *n_arch = NULL;

      if (strcmp (ue_node_get_name (n), "component") != 0)
        continue;
      n_name = ue_node_dup_attribute (n, "name");
      n_arch = ue_node_dup_attribute (n, "processorArchitecture");
      /* Windows compares component names case-insensitively */
      if (n_name != NULL && g_ascii_strcasecmp (n_name, name) == 0 &&
          (arch == NULL || g_strcmp0 (n_arch, arch) == 0))
        return n;
    }
  return NULL;
}

UeNode *
ue_answer_doc_find_child (UeAnswerDoc *self,
                          UeNode      *parent,
                          const char  *name)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (parent != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (UeNode *n = ue_node_get_first_child (parent); n != NULL; n = ue_node_get_next (n))
    if (strcmp (ue_node_get_name (n), name) == 0)
      return n;
  return NULL;
}

UeNode *
ue_answer_doc_find_item (UeAnswerDoc *self,
                         UeNode      *parent,
                         const char  *item_name,
                         const char  *key,
                         const char  *key_value)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (parent != NULL, NULL);
  g_return_val_if_fail (item_name != NULL && key != NULL, NULL);

  for (UeNode *n = ue_node_get_first_child (parent); n != NULL; n = ue_node_get_next (n))
    {
      g_autofree char *value = NULL;

      if (strcmp (ue_node_get_name (n), item_name) != 0)
        continue;
      if (key[0] == '@')
        value = ue_node_dup_attribute (n, "wcm:keyValue");
      else
        {
          UeNode *k = ue_answer_doc_find_child (self, n, key);
          value = k ? ue_node_dup_text (k) : NULL;
          if (value != NULL)
            g_strstrip (value);
        }
      if (g_strcmp0 (value, key_value) == 0)
        return n;
    }
  return NULL;
}

UeNode *
ue_answer_doc_lookup (UeAnswerDoc  *self,
                      const char   *path_text,
                      const char   *arch,
                      GError      **error)
{
  g_autoptr(UeSettingPath) path = NULL;
  g_autoptr(GPtrArray) passes = NULL;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (path_text != NULL, NULL);

  path = ue_setting_path_parse (path_text, FALSE, error);
  if (path == NULL)
    return NULL;
  /* a pass may be repeated: look in each */
  passes = ue_answer_doc_get_passes (self);
  for (guint i = 0; i < passes->len; i++)
    {
      g_autofree char *name = ue_node_dup_attribute (passes->pdata[i], "pass");
      UeNode *cur;

      if (g_strcmp0 (name, path->pass) != 0)
        continue;
      if (path->component == NULL)
        return passes->pdata[i];
      cur = ue_answer_doc_find_component (self, passes->pdata[i], path->component, arch);
      for (guint s = 0; cur != NULL && s < path->segments->len; s++)
        {
          UePathSegment *seg = path->segments->pdata[s];
          cur = seg->key ? ue_answer_doc_find_item (self, cur, seg->name, seg->key, seg->key_value)
                         : ue_answer_doc_find_child (self, cur, seg->name);
        }
      if (cur != NULL)
        return cur;
    }
  return NULL;
}

/* merge-test-util.c — answer files in memory, and a merge checked for one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "merge-test-util.h"

char *
ue_test_merge_value_at (UeAnswerDoc *doc,
                        const char  *path,
                        const char  *arch)
{
  g_autoptr(GError) error = NULL;
  UeNode *node = ue_answer_doc_lookup (doc, path, arch, &error);

  g_assert_no_error (error);
  return node ? ue_node_dup_text (node) : NULL;
}

/* merge, check it was one undo step that undoes to BASE's bytes and redoes to the result */
GPtrArray *
ue_test_merge_checked_with (UeAnswerDoc    *base,
                            UeAnswerDoc    *other,
                            UeCatalog      *catalog,
                            UeMergeResolver resolver,
                            gpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ue_test_doc_dump (base);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GPtrArray) dry = ue_doc_merge_find_conflicts (base, other, catalog);
  g_autofree char *after_dry = ue_test_doc_dump (base);
  GPtrArray *conflicts = NULL;

  /* the dry run changes nothing */
  g_assert_cmpstr (after_dry, ==, before);
  g_assert_false (ue_answer_doc_can_undo (base));

  g_assert_true (ue_doc_merge (base, other, catalog, resolver, data, &conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, dry->len);
  for (guint i = 0; i < dry->len; i++)
    g_assert_cmpstr (((UeMergeConflict *) dry->pdata[i])->path, ==, ((UeMergeConflict *) conflicts->pdata[i])->path);

  after = ue_test_doc_dump (base);
  g_assert_true (ue_answer_doc_undo (base));
  g_assert_false (ue_answer_doc_can_undo (base));
  {
    g_autofree char *undone = ue_test_doc_dump (base);
    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (ue_answer_doc_redo (base));
  redone = ue_test_doc_dump (base);
  g_assert_cmpstr (redone, ==, after);
  return conflicts;
}

GPtrArray *
ue_test_merge_checked (UeAnswerDoc    *base,
                       UeAnswerDoc    *other,
                       UeMergeResolver resolver,
                       gpointer        data)
{
  return ue_test_merge_checked_with (base, other, NULL, resolver, data);
}

void
ue_test_merge_assert_conflict (GPtrArray  *conflicts,
                               guint       i,
                               const char *path,
                               const char *base_value,
                               const char *other_value,
                               gboolean    take_other)
{
  UeMergeConflict *c = conflicts->pdata[i];

  g_assert_cmpstr (c->path, ==, path);
  g_assert_cmpstr (c->base_value, ==, base_value);
  g_assert_cmpstr (c->other_value, ==, other_value);
  g_assert_cmpint (c->take_other, ==, take_other);
}

guint
ue_test_merge_count_children (UeAnswerDoc *doc,
                              const char  *path,
                              const char  *name)
{
  UeNode *parent = ue_answer_doc_lookup (doc, path, NULL, NULL);
  guint n = 0;

  g_assert_nonnull (parent);
  for (UeNode *c = ue_node_get_first_child (parent); c != NULL; c = ue_node_get_next (c))
    n += strcmp (ue_node_get_name (c), name) == 0;
  return n;
}

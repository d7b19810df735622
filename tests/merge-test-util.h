/* merge-test-util.h — for the merge tests: answer files in memory, a checked merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/doc-merge.h"
#include "doc-test-util.h"

G_BEGIN_DECLS

#define HEAD "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
#define TAIL "</unattend>\n"
#define COMP(name, arch) \
  "<component name=\"" name "\" processorArchitecture=\"" arch "\" publicKeyToken=\"31bf3856ad364e35\" " \
  "language=\"neutral\" versionScope=\"nonSxS\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n"

#define assert_value(doc, path, arch, expected) \
  G_STMT_START { \
    g_autofree char *v_ = ue_test_merge_value_at (doc, path, arch); \
    g_assert_cmpstr (v_, ==, expected); \
  } G_STMT_END

/* the text at a setting path, NULL when the path does not exist */
char        *ue_test_merge_value_at         (UeAnswerDoc    *doc,
                                             const char     *path,
                                             const char     *arch);
/* merge, checking that the dry run changes nothing and finds the same conflicts, that the
 * merge is one undo step giving BASE's bytes back and that redo gives the result again */
GPtrArray   *ue_test_merge_checked_with     (UeAnswerDoc    *base,
                                             UeAnswerDoc    *other,
                                             UeCatalog      *catalog,
                                             UeMergeResolver resolver,
                                             gpointer        data);
GPtrArray   *ue_test_merge_checked          (UeAnswerDoc    *base,
                                             UeAnswerDoc    *other,
                                             UeMergeResolver resolver,
                                             gpointer        data);
void         ue_test_merge_assert_conflict  (GPtrArray      *conflicts,
                                             guint           i,
                                             const char     *path,
                                             const char     *base_value,
                                             const char     *other_value,
                                             gboolean        take_other);
/* element children of the node at path named name */
guint        ue_test_merge_count_children   (UeAnswerDoc    *doc,
                                             const char     *path,
                                             const char     *name);

G_END_DECLS

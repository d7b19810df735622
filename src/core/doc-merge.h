/* doc-merge.h — merge one answer file into another, as one undoable step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The servicing packages, passes, components, settings and list items of OTHER are brought
 * into BASE through BASE's edit commands, so BASE keeps its comments and layout and one
 * undo takes the whole merge back. Components match by name (case-insensitively) and
 * architecture; list items match by their key (the catalog's when one is given, else the
 * one the item shows: wcm:keyValue, Order, Name, Key, …), except ordered command lists
 * (FirstLogonCommands, RunSynchronous, …): there an item matches the one running the same
 * command, and OTHER's other commands are appended after BASE's, numbered on. Packages
 * match by their assemblyIdentity, feature selections by name. A setting, selection state
 * or package action in both files with different values is a conflict (path
 * "servicing/package[NAME]/selection[FEATURE]" for a selection): a resolver decides which
 * value stays. The cpi:offlineImage line of OTHER is not merged.
 */
#pragma once

#include "answer-doc.h"
#include "catalog.h"

G_BEGIN_DECLS

typedef struct
{
  char     *path;         /* setting path in BASE ("oobeSystem/…/LocalAccount[Name=x]/Group"), or
                           * "servicing/package[NAME]/selection[FEATURE]", …/source, …/@action */
  char     *arch;         /* the component's (or package's) processorArchitecture ("" when none) */
  char     *base_value;
  char     *other_value;
  gboolean  secret;       /* a password: values are decoded; do not print them as they are */
  gboolean  take_other;   /* the decision that was applied */
} UeMergeConflict;

void ue_merge_conflict_free (UeMergeConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UeMergeConflict, ue_merge_conflict_free)

/* TRUE: OTHER's value replaces BASE's */
typedef gboolean (*UeMergeResolver) (const UeMergeConflict *conflict,
                                     gpointer               user_data);

/* ready-made resolvers: keep BASE's value / take OTHER's */
gboolean   ue_merge_keep_base   (const UeMergeConflict *conflict,
                                 gpointer               user_data);
gboolean   ue_merge_take_other  (const UeMergeConflict *conflict,
                                 gpointer               user_data);

/**
 * ue_doc_merge_find_conflicts:
 * @catalog: (nullable): for list keys
 *
 * What ue_doc_merge() would ask about, without changing @base (for a dialog that lets
 * the user decide each one before merging).
 *
 * Returns: (transfer full) (element-type UeMergeConflict): the conflicts, in document order
 */
GPtrArray *ue_doc_merge_find_conflicts (UeAnswerDoc     *base,
                                        UeAnswerDoc     *other,
                                        UeCatalog       *catalog);

/**
 * ue_doc_merge:
 * @catalog: (nullable): for list keys
 * @resolver: (nullable): decides each conflict; %NULL keeps BASE's values
 * @conflicts: (out) (optional) (transfer full) (element-type UeMergeConflict): every
 *   conflict met, with the decision taken
 *
 * Merges @other into @base as one undo step. Fails without changing anything when
 * @base is a one-pass fragment and @other has settings for another pass.
 */
gboolean   ue_doc_merge         (UeAnswerDoc     *base,
                                 UeAnswerDoc     *other,
                                 UeCatalog       *catalog,
                                 UeMergeResolver  resolver,
                                 gpointer         user_data,
                                 GPtrArray      **conflicts,
                                 GError         **error);

G_END_DECLS

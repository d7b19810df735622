/* answer-doc-package.h — servicing packages in an answer file: add, action, feature selections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WSIM's package workflow: a package from the catalog goes into <servicing> with its
 * full assemblyIdentity; its action and the state of each of its features are then
 * set. Every function that changes the document is one undo step.
 */
#pragma once

#include "answer-doc.h"
#include "catalog.h"

G_BEGIN_DECLS

/* the four actions of FORMATS.md, as the XML spells them */
#define UE_PACKAGE_ACTION_INSTALL   "install"
#define UE_PACKAGE_ACTION_CONFIGURE "configure"
#define UE_PACKAGE_ACTION_REMOVE    "remove"
#define UE_PACKAGE_ACTION_STAGE     "stage"

typedef enum
{
  UE_FEATURE_STATE_NOT_SET,    /* no <selection> for it */
  UE_FEATURE_STATE_ENABLED,    /* state="true" */
  UE_FEATURE_STATE_DISABLED,   /* state="false" */
  UE_FEATURE_STATE_INVALID,    /* a <selection> whose state is neither */
} UeFeatureState;

/* install, configure, remove, stage (NULL-terminated) */
const char * const *ue_package_actions        (void);
gboolean      ue_package_action_is_valid      (const char    *action);

/* ---- reading a <package> node ---- */
/* its assemblyIdentity as a def (features empty; transfer full), or NULL without one */
UePackageDef *ue_package_node_dup_identity    (UeNode        *package);
/* the action attribute or NULL (transfer full) */
char         *ue_package_node_dup_action      (UeNode        *package);
/* the <selection> elements in file order; (transfer container) (element-type UeNode) */
GPtrArray    *ue_package_node_get_selections  (UeNode        *package);
/* the first selection of the feature (names compare case-insensitively), or NULL */
UeNode       *ue_package_node_find_selection  (UeNode        *package,
                                               const char    *feature);
UeFeatureState ue_package_node_get_feature_state (UeNode     *package,
                                               const char    *feature);
/* the catalog's package with this node's identity (name, architecture, language and,
 * when it can, version; case-insensitive), or NULL */
UePackageDef *ue_package_node_find_def        (UeNode        *package,
                                               UeCatalog     *catalog);

/* ---- edits ---- */
/* the package with def's identity, or NULL */
UeNode       *ue_answer_doc_find_package      (UeAnswerDoc   *self,
                                               const UePackageDef *def);
/* the package with def's identity; added (with <servicing> when missing) with action
 * (NULL: "configure") unless it is there already. NULL for a bare <settings> fragment. */
UeNode       *ue_answer_doc_add_package       (UeAnswerDoc   *self,
                                               const UePackageDef *def,
                                               const char    *action);
void          ue_answer_doc_set_package_action (UeAnswerDoc  *self,
                                               UeNode        *package,
                                               const char    *action);
/* NOT_SET removes the feature's selection; ENABLED/DISABLED add or change it */
void          ue_answer_doc_set_feature_state (UeAnswerDoc   *self,
                                               UeNode        *package,
                                               const char    *feature,
                                               UeFeatureState state);

G_END_DECLS

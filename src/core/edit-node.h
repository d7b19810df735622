/* edit-node.h — put a node into the tree, or take one out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "edit.h"

G_BEGIN_DECLS

#define UE_TYPE_EDIT_NODE (ue_edit_node_get_type ())
G_DECLARE_FINAL_TYPE (UeEditNode, ue_edit_node, UE, EDIT_NODE, UeEdit)

/* node: a detached xmlNode (owned by the edit until applied), linked before next
 * (NULL: at the end) under parent. */
UeEdit *ue_edit_node_new_insert (gpointer parent,
                                 gpointer next,
                                 gpointer node);
/* node: an xmlNode in the tree */
UeEdit *ue_edit_node_new_remove (gpointer node);

G_END_DECLS

/* messages-pane.h — the Messages pane: validation messages and the live XML of the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/answer-doc.h"

G_BEGIN_DECLS

#define UE_TYPE_MESSAGES_PANE (ue_messages_pane_get_type ())
G_DECLARE_FINAL_TYPE (UeMessagesPane, ue_messages_pane, UE, MESSAGES_PANE, GtkBox)

void ue_messages_pane_set_document  (UeMessagesPane *self,
                                     UeAnswerDoc    *doc);
/* re-read the XML from the document */
void ue_messages_pane_refresh       (UeMessagesPane *self);
/* mark the node's lines in the XML (NULL: none) */
void ue_messages_pane_highlight_node (UeMessagesPane *self,
                                      UeNode         *node);
/* messages: (element-type UeMessage) of the validator, shown in the Validation tab */
void ue_messages_pane_set_messages   (UeMessagesPane *self,
                                      GListModel     *messages);
void ue_messages_pane_show_validation (UeMessagesPane *self);

/* Signals: ::node-activated (UeNode *node) — the user picked a node in the XML or a message */

G_END_DECLS

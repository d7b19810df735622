/* answer-view.h — the Answer File pane: passes, components, settings and packages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/answer-doc.h"

G_BEGIN_DECLS

#define UE_TYPE_ANSWER_VIEW (ue_answer_view_get_type ())
G_DECLARE_FINAL_TYPE (UeAnswerView, ue_answer_view, UE, ANSWER_VIEW, GtkBox)

void     ue_answer_view_set_document  (UeAnswerView *self,
                                       UeAnswerDoc  *doc);
/* rebuild from the document, keeping expanded rows and the selection */
void     ue_answer_view_refresh       (UeAnswerView *self);
/* the selected element (NULL for headers and passes missing from the file) */
UeNode  *ue_answer_view_get_selected  (UeAnswerView *self);
/* the pass (1..7) of the selected row, or 0 */
guint    ue_answer_view_get_selected_pass (UeAnswerView *self);
/* select and reveal a node; FALSE when the tree does not show it */
gboolean ue_answer_view_select_node   (UeAnswerView *self,
                                       UeNode       *node);

/* Signals: ::selection-changed () */

G_END_DECLS

/* quick-setup-assistant.h — Setup Manager's few pages for the popular options of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/answer-doc.h"

G_BEGIN_DECLS

#define UE_TYPE_QUICK_SETUP_ASSISTANT (ue_quick_setup_assistant_get_type ())
G_DECLARE_FINAL_TYPE (UeQuickSetupAssistant, ue_quick_setup_assistant, UE, QUICK_SETUP_ASSISTANT, GtkAssistant)

/* shows what doc sets now; Apply writes into doc as one undo step */
UeQuickSetupAssistant *ue_quick_setup_assistant_new (GtkWindow   *parent,
                                                     UeAnswerDoc *doc);

G_END_DECLS

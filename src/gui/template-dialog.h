/* template-dialog.h — File ▸ New from Template…: the shipped templates, title and description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UE_TYPE_TEMPLATE_DIALOG (ue_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UeTemplateDialog, ue_template_dialog, UE, TEMPLATE_DIALOG, GtkDialog)

/* templates: (element-type UeTemplateInfo) of ue_template_list() */
UeTemplateDialog *ue_template_dialog_new      (GtkWindow        *parent,
                                               GPtrArray        *templates);
/* the chosen template's name, NULL when none */
const char       *ue_template_dialog_get_name (UeTemplateDialog *self);

G_END_DECLS

/* property-editor.h — base class of the typed value editors of the Properties pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An editor is made for a setting definition by ue_property_editor_new(), which picks
 * the subclass from the value type; ue_property_editor_load() binds it to a node of the
 * document (or to a setting not yet in the file: parent + name). A user change goes
 * through ue_property_editor_commit(), which writes one edit to the document.
 */
#pragma once

#include <gtk/gtk.h>

#include "core/answer-doc.h"
#include "core/catalog.h"

G_BEGIN_DECLS

#define UE_TYPE_PROPERTY_EDITOR (ue_property_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (UePropertyEditor, ue_property_editor, UE, PROPERTY_EDITOR, GtkBox)

struct _UePropertyEditorClass
{
  GtkBoxClass parent_class;

  /* show value (NULL: the setting is not in the file); runs with the loading guard set */
  void (*load)  (UePropertyEditor *self,
                 const char       *value);
  /* write a user's value to the document; the default sets the element's text */
  void (*write) (UePropertyEditor *self,
                 const char       *value);

  gpointer padding[8];
};

/* def NULL: a setting the catalog does not know (edited as a string) */
UePropertyEditor *ue_property_editor_new          (UeAnswerDoc      *doc,
                                                   UeSettingDef     *def,
                                                   const char       *name);
/* parent: the element that holds (or will hold) the setting; node: the setting or NULL */
void              ue_property_editor_load         (UePropertyEditor *self,
                                                   UeNode           *parent,
                                                   UeNode           *node);
/* re-read the value from the document (after ::changed) */
void              ue_property_editor_reload       (UePropertyEditor *self);
void              ue_property_editor_commit       (UePropertyEditor *self,
                                                   const char       *value);
gboolean          ue_property_editor_is_loading   (UePropertyEditor *self);
UeAnswerDoc      *ue_property_editor_get_document (UePropertyEditor *self);
UeSettingDef     *ue_property_editor_get_def      (UePropertyEditor *self);
const char       *ue_property_editor_get_name     (UePropertyEditor *self);
UeNode           *ue_property_editor_get_parent   (UePropertyEditor *self);
UeNode           *ue_property_editor_get_node     (UePropertyEditor *self);
/* the node, created (inside the current edit group) when the setting is not in the file yet */
UeNode           *ue_property_editor_ensure_node  (UePropertyEditor *self);

G_END_DECLS

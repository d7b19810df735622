/* edit.h — one change to an answer document, undoable (base class)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only UeAnswerDoc creates and runs edits; it keeps them on its undo stack. An edit
 * that is undone owns the nodes it took out of the tree and frees them with itself.
 */
#pragma once

#include "answer-doc.h"

G_BEGIN_DECLS

#define UE_TYPE_EDIT (ue_edit_get_type ())
G_DECLARE_DERIVABLE_TYPE (UeEdit, ue_edit, UE, EDIT, GObject)

struct _UeEditClass
{
  GObjectClass parent_class;

  /* make the change / take it back; each emits the document's ::changed */
  void     (*apply)  (UeEdit      *self,
                      UeAnswerDoc *doc);
  void     (*revert) (UeEdit      *self,
                      UeAnswerDoc *doc);
  /* fold a following edit into this one (typing in an entry); FALSE if not possible */
  gboolean (*merge)  (UeEdit      *self,
                      UeEdit      *next);

  gpointer padding[8];
};

void         ue_edit_apply     (UeEdit      *self,
                                UeAnswerDoc *doc);
void         ue_edit_revert    (UeEdit      *self,
                                UeAnswerDoc *doc);
gboolean     ue_edit_merge     (UeEdit      *self,
                                UeEdit      *next);
const char  *ue_edit_get_label (UeEdit      *self);
void         ue_edit_set_label (UeEdit      *self,
                                const char  *label);

G_END_DECLS

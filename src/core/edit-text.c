/* edit-text.c — replace the text of a simple element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include "answer-doc-private.h"
#include "edit-text.h"

struct _UeEditText
{
  UeEdit    parent_instance;

  xmlNode  *element;
  xmlNode  *old_children;   /* the element's children before, a detached chain */
  xmlNode  *new_text;       /* NULL for an empty string */
  gboolean  applied;
};

G_DEFINE_FINAL_TYPE (UeEditText, ue_edit_text, UE_TYPE_EDIT)

static void
free_chain (xmlNode *chain)
{
  while (chain != NULL)
    {
      xmlNode *next = chain->next;
      chain->next = chain->prev = NULL;
      chain->parent = NULL;
      xmlFreeNode (chain);
      chain = next;
    }
}

static void
ue_edit_text_apply (UeEdit      *edit,
                    UeAnswerDoc *doc)
{
  UeEditText *self = UE_EDIT_TEXT (edit);
  xmlNode *el = self->element;

  g_assert (!self->applied);
  /* keep the old children as a chain (undo puts the very same nodes back) */
  self->old_children = el->children;
  el->children = el->last = NULL;
  if (self->new_text != NULL)
    _ue_xml_link_before (el, NULL, self->new_text);
  self->applied = TRUE;
  _ue_answer_doc_emit_changed (doc, el);
}

static void
ue_edit_text_revert (UeEdit      *edit,
                     UeAnswerDoc *doc)
{
  UeEditText *self = UE_EDIT_TEXT (edit);
  xmlNode *el = self->element;

  g_assert (self->applied);
  if (self->new_text != NULL)
    _ue_xml_unlink (self->new_text);
  g_assert (el->children == NULL);
  el->children = self->old_children;
  for (xmlNode *c = self->old_children; c != NULL; c = c->next)
    el->last = c;
  self->old_children = NULL;
  self->applied = FALSE;
  _ue_answer_doc_emit_changed (doc, el);
}

static gboolean
ue_edit_text_merge (UeEdit *edit,
                    UeEdit *next_edit)
{
  UeEditText *self = UE_EDIT_TEXT (edit);
  UeEditText *next;

  if (!UE_IS_EDIT_TEXT (next_edit))
    return FALSE;
  next = UE_EDIT_TEXT (next_edit);
  if (next->element != self->element || !self->applied || !next->applied)
    return FALSE;
  /* both applied: our new text is next's old chain; keep our old, take its new */
  free_chain (next->old_children);
  next->old_children = NULL;
  self->new_text = next->new_text;
  next->new_text = NULL;
  next->applied = FALSE;
  return TRUE;
}

static void
ue_edit_text_finalize (GObject *object)
{
  UeEditText *self = UE_EDIT_TEXT (object);

  /* what is out of the tree is ours */
  if (self->applied)
    free_chain (self->old_children);
  else if (self->new_text != NULL)
    xmlFreeNode (self->new_text);
  G_OBJECT_CLASS (ue_edit_text_parent_class)->finalize (object);
}

static void
ue_edit_text_class_init (UeEditTextClass *klass)
{
  UeEditClass *edit_class = UE_EDIT_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ue_edit_text_finalize;
  edit_class->apply = ue_edit_text_apply;
  edit_class->revert = ue_edit_text_revert;
  edit_class->merge = ue_edit_text_merge;
}

static void
ue_edit_text_init (UeEditText *self)
{
}

UeEdit *
ue_edit_text_new (UeNode     *element,
                  const char *value)
{
  UeEditText *self;

  g_return_val_if_fail (element != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  self = g_object_new (UE_TYPE_EDIT_TEXT, NULL);
  self->element = XML_NODE (element);
  if (*value != '\0')
    self->new_text = xmlNewDocText (self->element->doc, (const xmlChar *) value);
  return UE_EDIT (self);
}

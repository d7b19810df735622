/* edit-node.c — put a node into the tree, or take one out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include "answer-doc-private.h"
#include "edit-node.h"

struct _UeEditNode
{
  UeEdit    parent_instance;

  xmlNode  *parent;
  xmlNode  *next;        /* the sibling the node sits before; NULL at the end */
  xmlNode  *node;
  gboolean  inserting;   /* TRUE: apply links, revert unlinks; FALSE the other way */
  gboolean  linked;
};

G_DEFINE_FINAL_TYPE (UeEditNode, ue_edit_node, UE_TYPE_EDIT)

static void
link_node (UeEditNode  *self,
      UeAnswerDoc *doc)
{
  _ue_xml_link_before (self->parent, self->next, self->node);
  self->linked = TRUE;
  _ue_answer_doc_emit_changed (doc, self->parent);
}

static void
unlink_node (UeEditNode  *self,
             UeAnswerDoc *doc)
{
  self->next = self->node->next;
  _ue_xml_unlink (self->node);
  self->linked = FALSE;
  _ue_answer_doc_emit_changed (doc, self->parent);
}

static void
ue_edit_node_apply (UeEdit      *edit,
                    UeAnswerDoc *doc)
{
  UeEditNode *self = UE_EDIT_NODE (edit);

  if (self->inserting)
    link_node (self, doc);
  else
    unlink_node (self, doc);
}

static void
ue_edit_node_revert (UeEdit      *edit,
                     UeAnswerDoc *doc)
{
  UeEditNode *self = UE_EDIT_NODE (edit);

  if (self->inserting)
    unlink_node (self, doc);
  else
    link_node (self, doc);
}

static void
ue_edit_node_finalize (GObject *object)
{
  UeEditNode *self = UE_EDIT_NODE (object);

  if (!self->linked && self->node != NULL)
    xmlFreeNode (self->node);
  G_OBJECT_CLASS (ue_edit_node_parent_class)->finalize (object);
}

static void
ue_edit_node_class_init (UeEditNodeClass *klass)
{
  UeEditClass *edit_class = UE_EDIT_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ue_edit_node_finalize;
  edit_class->apply = ue_edit_node_apply;
  edit_class->revert = ue_edit_node_revert;
}

static void
ue_edit_node_init (UeEditNode *self)
{
}

UeEdit *
ue_edit_node_new_insert (gpointer parent,
                         gpointer next,
                         gpointer node)
{
  UeEditNode *self = g_object_new (UE_TYPE_EDIT_NODE, NULL);

  self->parent = parent;
  self->next = next;
  self->node = node;
  self->inserting = TRUE;
  self->linked = FALSE;
  return UE_EDIT (self);
}

UeEdit *
ue_edit_node_new_remove (gpointer node)
{
  UeEditNode *self = g_object_new (UE_TYPE_EDIT_NODE, NULL);

  self->parent = XML_NODE (node)->parent;
  self->node = node;
  self->inserting = FALSE;
  self->linked = TRUE;
  return UE_EDIT (self);
}

/* image-chooser-dialog.h — picks one image of a WIM/ESD: name, edition, architecture, build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UE_TYPE_IMAGE_CHOOSER_DIALOG (ue_image_chooser_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UeImageChooserDialog, ue_image_chooser_dialog, UE, IMAGE_CHOOSER_DIALOG, GtkDialog)

/* images: (element-type UeWimImage) of ue_wim_source_list_images() */
UeImageChooserDialog *ue_image_chooser_dialog_new       (GtkWindow            *parent,
                                                         const char           *path,
                                                         GPtrArray            *images);
/* the chosen image's 1-based index, 0 when none */
guint                 ue_image_chooser_dialog_get_index (UeImageChooserDialog *self);

G_END_DECLS

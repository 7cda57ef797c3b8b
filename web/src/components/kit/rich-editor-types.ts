/**
 * What the rich-text editor is given: its words (the kit has none of its
 * own) and where its pictures come from. Types only, so the light loader
 * (RichField.tsx) names them without pulling the editor's chunk in.
 */
import type { MediaUrls } from './RichText.tsx';

export interface RichEditorLabels {
  /** The toolbar's name ("Formatting"). */
  toolbar: string;
  textStyle: string;
  paragraph: string;
  heading2: string;
  heading3: string;
  heading4: string;
  bold: string;
  boldShort: string;
  italic: string;
  italicShort: string;
  underline: string;
  underlineShort: string;
  bulletList: string;
  orderedList: string;
  blockquote: string;
  link: string;
  image: string;
  video: string;
  undo: string;
  redo: string;
  cancel: string;
  linkHeading: string;
  linkAddress: string;
  linkHint: string;
  linkRefused: string;
  linkApply: string;
  linkRemove: string;
  videoHeading: string;
  videoAddress: string;
  videoHint: string;
  videoRefused: string;
  videoInsert: string;
  imageHeading: string;
  albums: string;
  loadingAlbums: string;
  noAlbums: string;
  /** "Images of {title}". */
  albumImages: string;
  noImages: string;
  backToAlbums: string;
  alt: string;
  altHint: string;
  altMissing: string;
  chooseImage: string;
  imageInsert: string;
  /** Shown in place of a picture without an address (no alt text). */
  imageMissing: string;
  /** A video inside the editing area: "Video: {provider} {id}". */
  videoBox: string;
  /** While the editor's code loads, and when it could not. */
  loading: string;
  loadFailed: string;
}

/** An album the picker offers (published, with ready images), its words made by the page. */
export interface PickerAlbum {
  materialId: string;
  title: string;
  /** "12 images · Public area". */
  detail: string;
  cover?: string;
}

/** A ready image of an album. */
export interface PickerImage {
  materialId: string;
  fileId: string;
  name: string;
  urls: MediaUrls;
}

/**
 * Where the image picker reads from (the page's API calls; the kit calls no
 * API itself). A failure is thrown as an Error whose message is already in
 * words for the reader.
 */
export interface ImageSource {
  albums: () => Promise<PickerAlbum[]>;
  images: (materialId: string) => Promise<PickerImage[]>;
}

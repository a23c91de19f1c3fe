import QRCode from 'qrcode';

/**
 * The otpauth:// enrolment URI as a QR code in SVG (the `qrcode` library), so an authenticator app
 * can scan it. Server-side, so the staff app needs no QR code library and no inline script: the page
 * shows it as an <img> from a data: URL (allowed by the CSP's img-src). Error correction M and the
 * standard four-module quiet zone, which phone cameras read reliably at the size shown.
 */
export const totpQrSvg = (uri: string): Promise<string> =>
  QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });

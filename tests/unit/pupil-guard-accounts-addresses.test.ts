/**
 * The guard (issue 12, points 1 and 3): social and messaging accounts and links (Instagram, TikTok, Snapchat, WhatsApp
 * wa.me, Telegram t.me, Discord invites, @handles next to those names), street addresses with a house number in the
 * partners' languages and postcodes next to a town, other pupils' surnames — and the project's settings, which let
 * links or handles through for older pupils but never e-mails, phones or addresses.
 */
import { describe, expect, it } from 'vitest';
import { guardPupilText, type GuardContext } from '../../functions/domain/pupil-guard/index.ts';

const context: GuardContext = { countries: ['ES', 'FR', 'IT', 'DE'], otherPupilSurnames: [], allowAccountLinks: false, allowHandles: false };

function found(text: string, ctx: GuardContext = context): Array<[string, string]> {
  return guardPupilText(text, ctx).map((f) => [f.kind, text.slice(f.start, f.end)]);
}

describe('accounts and links', () => {
  it.each([
    ['look https://www.instagram.com/ana_23/', 'https://www.instagram.com/ana_23/'],
    ['instagram.com/ana_23', 'instagram.com/ana_23'],
    ['tiktok.com/@ana_lopez', 'tiktok.com/@ana_lopez'],
    ['snapchat.com/add/ana23', 'snapchat.com/add/ana23'],
    ['t.me/ana23', 't.me/ana23'],
    ['join discord.gg/abc123', 'discord.gg/abc123'],
    ['https://discord.com/invite/xyz', 'https://discord.com/invite/xyz'],
  ])('finds the link in %j', (text, slice) => {
    expect(found(text)).toEqual([['account', slice]]);
  });

  it.each([
    ['my insta is @ana_23', '@ana_23'],
    ['add me on snap: ana.23', 'ana.23'],
    ['tiktok ana_lopez', 'ana_lopez'],
    ['tik tok: ana_lopez', 'ana_lopez'],
    ['mi ig es @ana.lopez', '@ana.lopez'],
    ['@ana_23 on insta', '@ana_23'],
    ['whatsapp me, telegram: @ana23', '@ana23'],
    ['discord ana_23', 'ana_23'],
    ['sígueme en instagram @anita', '@anita'],
    ["mon snap c'est hugo.lyn", 'hugo.lyn'],
    ['discord: ana#1234', 'ana#1234'],
    ['snap: anita', 'anita'],
  ])('finds the handle in %j', (text, slice) => {
    expect(found(text)).toEqual([['account', slice]]);
  });

  it.each([
    'my insta is private',
    'oh snap, I forgot my homework',
    'I posted it on instagram yesterday',
    'we watched a video on youtube 2 days ago',
    '@ana see you tomorrow in class',
    'the snap of your fingers',
    'insta: great photos today',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });

  // The issue: pupils name the platform, then their handle a few words on ("its", "my name is", "c'est", "ich bin",
  // "soy", "mon pseudo", "username", a colon…).
  it.each([
    ['follow my art acc on insta its @lily.draws.things', '@lily.draws.things'],
    ['si tu veux on se parle sur snap, mon pseudo c’est le_vrai_tom', 'le_vrai_tom'],
    ['schreib mir auf insta, ich bin max.meier.2011', 'max.meier.2011'],
    ['hablamos por insta que aquí nos leen los profes, soy @pablo.mad', '@pablo.mad'],
    ['mi usuario de tiktok: sofi_2011', 'sofi_2011'],
    ['on discord my username is pixel_fox', 'pixel_fox'],
    ['my snap username is anitaa12', 'anitaa12'],
    ['su instagram sono giulia.rossi', 'giulia.rossi'],
  ])('finds the handle a few words after the platform in %j', (text, slice) => {
    expect(found(text)).toEqual([['account', slice]]);
  });

  it.each([
    'on insta I saw a cat video',
    'sur snap c’est drôle',
    'on insta I saw a cat video at 5pm, e.g. the 3rd one',
    'on tiktok I heard the mp3 of the song',
    'su instagram ho visto 3 video di gatti',
    'I love insta. ana_23 said hi to me in class',
    'on youtube we watched a video in 4k about co2',
  ])('leaves %j alone (no handle-shaped word after the platform, in the same sentence)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('names a held WhatsApp link an account, the number inside being part of it', () => {
    expect(found('whatsapp me wa.me/34612345678')).toEqual([['account', 'wa.me/34612345678']]);
  });

  it('lets links through when the project allows links, and handles when it allows handles, each on its own', () => {
    const text = 'instagram.com/ana_23 or my insta is @ana_23';
    expect(found(text).map(([kind]) => kind)).toEqual(['account', 'account']);
    expect(found(text, { ...context, allowAccountLinks: true })).toEqual([['account', '@ana_23']]);
    expect(found(text, { ...context, allowHandles: true })).toEqual([['account', 'instagram.com/ana_23']]);
    expect(found(text, { ...context, allowAccountLinks: true, allowHandles: true })).toEqual([]);
  });

  it('holds e-mail, phone and address whatever the settings say', () => {
    const everythingAllowed = { ...context, allowAccountLinks: true, allowHandles: true };
    const text = 'ana@gmail.com, 612 345 678, calle Mayor 5';
    expect(found(text, everythingAllowed).map(([kind]) => kind)).toEqual(['email', 'phone', 'address']);
    // a WhatsApp link carries the phone number itself
    expect(found('wa.me/34612345678', everythingAllowed)).toEqual([['phone', '34612345678']]);
  });
});

describe('street addresses', () => {
  it.each([
    ['I live at 10 Downing Street', '10 Downing Street'],
    ['221b Baker Street', '221b Baker Street'],
    ['vivo en calle Mayor 5, 2º', 'calle Mayor 5'],
    ['c/ Alcalá nº 23', 'c/ Alcalá nº 23'],
    ['en la Calle de Alcalá, 23', 'Calle de Alcalá, 23'],
    ['Avenida de la Constitución 14', 'Avenida de la Constitución 14'],
    ['Paseo del Prado 8', 'Paseo del Prado 8'],
    ['12 bis rue de Rivoli', '12 bis rue de Rivoli'],
    ["j'habite 5 avenue Foch", '5 avenue Foch'],
    ['3 place de la Concorde', '3 place de la Concorde'],
    ['abito in Via Roma, 12', 'Via Roma, 12'],
    ['Piazza Navona 3', 'Piazza Navona 3'],
    ['Corso Italia 45', 'Corso Italia 45'],
    ["Via dell'Indipendenza 45, Bologna", "Via dell'Indipendenza 45"],
    ['ich wohne in der Hauptstraße 5', 'Hauptstraße 5'],
    ['Berliner Straße 12', 'Berliner Straße 12'],
    ['Goetheweg 12b', 'Goetheweg 12b'],
    ['Marktplatz 3', 'Marktplatz 3'],
    ['vivo en el nº 8 de la calle San Miguel', 'nº 8 de la calle San Miguel'],
    ['abito in Strada Maggiore 31, vicino alle torri', 'Strada Maggiore 31'],
    ["j'habite au 7 bis, rue Victor Hugo à Lyon", '7 bis, rue Victor Hugo'],
  ])('finds %j', (text, slice) => {
    expect(found(text)).toEqual([['address', slice]]);
  });

  it.each([
    ['28013 Madrid', '28013 Madrid'],
    ['we live in 75011 Paris', '75011 Paris'],
    ['D-10115 Berlin', 'D-10115 Berlin'],
    ['00184 Roma', '00184 Roma'],
    ['London SW1A 1AA', 'SW1A 1AA'],
    ['00-950 Warszawa', '00-950 Warszawa'],
    // pupils write towns in lower case too: where the postcode is named, or a street and its number come just before
    ['mi cp es 41001 sevilla, ven cuando quieras', '41001 sevilla'],
    ['PLZ: 10115 berlin', '10115 berlin'],
  ])('finds the postcode next to a town in %j', (text, slice) => {
    expect(found(text)).toEqual([['address', slice]]);
  });

  it('finds a lower-case town after a street with its number', () => {
    expect(found('vivo en calle Mayor 5, 28013 madrid y tú')).toEqual([
      ['address', 'calle Mayor 5'],
      ['address', '28013 madrid'],
    ]);
  });

  it.each([
    'we walked along the Rue de Rivoli',
    'our school is on Calle Mayor',
    'we walked down Calle Mayor 3 times',
    'the Via Appia is 560 km long',
    'Plaza Mayor was built in 1617',
    'we planted 20 trees along Main Street',
    'I have 3 brothers on my street',
    'Wir sind auf Platz 3!',
    'il corso di italiano 2 è difficile',
    'dimos un paseo de 2 horas',
    'über 10000 Menschen waren da',
    'Madrid has 3223000 inhabitants',
    'we came 2nd place',
    'in 1492 Columbus sailed',
    'see you at 5pm',
    'la strada 2 è chiusa',
    'una strada di 3 km',
    'we walked 12000 steps today',
    // a counted noun in lower case is no town, even at the end of a sentence
    'I walked 12435 steps.',
    'we counted 15342 birds',
    'nuestra clase tiene 23456 seguidores.',
    'our class collected 15000 bottle caps.',
    'in 2019 30000 visitors came',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('other pupils’ surnames', () => {
  const withSurnames = { ...context, otherPupilSurnames: ['García López', 'Müller', 'de la Cruz', 'Li'] };

  it.each([
    ['Carlos García is my friend', 'García'],
    ['Carlos garcia is my friend', 'garcia'],
    ['the MULLER family', 'MULLER'],
    ['Müller', 'Müller'],
    ['Ana García López', 'García López'],
    ['Pedro Cruz', 'Cruz'],
  ])('finds %j', (text, slice) => {
    expect(found(text, withSurnames)).toEqual([['surname', slice]]);
  });

  it('looks for whole words only, never for surnames shorter than 3 letters or particles', () => {
    expect(found('Garcías and Müllerstraße friends', withSurnames)).toEqual([]);
    expect(found('Li is here, de la playa', withSurnames)).toEqual([]);
  });

  it('finds nothing when the project has no other pupils', () => {
    expect(found('García')).toEqual([]);
  });
});

/* The mini-program's pages, rendered by miniprogram-simulate, against a real 共治 server
   (GONGZHI_BASE_URL) whose WeChat API is the test's fake: tests/miniprogram/ starts both
   and runs this file. */
jest.mock("../config", function () { return { baseUrl: process.env.GONGZHI_BASE_URL }; });

const path = require("path");
const { lastCall, countOf } = require("./wx");
const { send } = require("./http");
const simulate = require("miniprogram-simulate");

const BASE = process.env.GONGZHI_BASE_URL;
const VOTE = Number(process.env.GONGZHI_CONSULTATION);
const ROOT = path.join(__dirname, "..");

const loaded = {};  // simulate.load registers a page once; render it as often as needed

function render(page) {
  loaded[page] = loaded[page] || simulate.load(path.join(ROOT, "pages", page, "index"));
  const component = simulate.render(loaded[page]);
  component.attach(document.createElement("parent-wrapper"));
  return component;
}

test("a first visit asks for the phone, signs in and opens the page asked for", async function () {
  const index = render("index");
  await index.instance.onLoad({ path: encodeURIComponent("/consultations/" + VOTE) });
  expect(index.instance.data.error).toBe("");
  expect(index.instance.data.needPhone).toBe(true);
  expect(index.querySelector("#phone").dom.innerHTML).toContain("授权手机号并登录");

  await index.instance.onPhone({ detail: {} });  // the person said no
  expect(index.instance.data.error).toContain("没有拿到手机号");
  expect(countOf("redirectTo")).toBe(0);

  await index.instance.onPhone({ detail: { code: process.env.GONGZHI_PHONE_CODE } });
  expect(wx.getStorageSync("gongzhi.tokens").access_token).toBeTruthy();
  expect(lastCall("redirectTo").url).toBe("/pages/web/index?path=%2Fconsultations%2F" + VOTE);
});

test("the web-view opens our page signed in through a one-time link", async function () {
  const web = render("web");
  await web.instance.onLoad({ path: encodeURIComponent("/consultations/" + VOTE) });
  const url = web.instance.data.url;
  expect(url.indexOf(BASE + "/enter/")).toBe(0);
  expect(web.dom.innerHTML).toContain("<wx-web-view");  // the web-view is shown, not the notes
  expect(web.dom.innerHTML).not.toContain("正在打开");

  // what the web-view then does: the link signs it in and lands on the vote
  const entered = await send(url);
  expect(entered.status).toBe(302);
  expect(entered.headers.location).toContain("/consultations/" + VOTE);
  const cookie = entered.headers["set-cookie"][0].split(";")[0];
  const page = await send(BASE + "/consultations/" + VOTE, { headers: { Cookie: cookie } });
  expect(page.status).toBe(200);
  const again = await send(url);  // one use only
  expect(again.status).toBe(410);
});

test("a person we know signs in again without the phone", async function () {
  wx.clearStorageSync();
  const index = render("index");
  await index.instance.onLoad({});
  expect(index.instance.data.needPhone).toBe(false);
  expect(wx.getStorageSync("gongzhi.tokens").access_token).toBeTruthy();
  expect(lastCall("redirectTo").url).toBe("/pages/web/index?path=%2F");
});

test("an expired access token is renewed by a new wx.login", async function () {
  const tokens = wx.getStorageSync("gongzhi.tokens");
  wx.setStorageSync("gongzhi.tokens", Object.assign({}, tokens, { access_token: "expired" }));
  const web = render("web");
  await web.instance.onLoad({ path: encodeURIComponent("/") });
  expect(web.instance.data.url.indexOf(BASE + "/enter/")).toBe(0);
  expect(wx.getStorageSync("gongzhi.tokens").access_token).not.toBe("expired");
});

test("without a token the web page sends the person to sign in first", async function () {
  wx.clearStorageSync();
  const web = render("web");
  await web.instance.onLoad({ path: encodeURIComponent("/consultations/" + VOTE) });
  expect(lastCall("redirectTo").url).toBe("/pages/index/index?path=%2Fconsultations%2F" + VOTE);
  expect(web.instance.data.url).toBe("");
});

test("after a ballot is saved the person is asked about WeChat notices, once per vote", function () {
  const web = render("web");
  const before = countOf("navigateTo");
  web.instance.onWebLoad({ detail: { src: BASE + "/consultations/" + VOTE } });
  expect(countOf("navigateTo")).toBe(before);  // opening the vote is no moment to ask
  web.instance.onWebLoad({ detail: { src: BASE + "/consultations/" + VOTE + "?flat=3#receipt" } });
  expect(lastCall("navigateTo").url).toBe(
    "/pages/subscribe/index?kinds=results&path=%2Fconsultations%2F" + VOTE + "%3Fflat%3D3");
  web.instance.onWebLoad({ detail: { src: BASE + "/consultations/" + VOTE + "?flat=3#receipt" } });
  web.instance.onWebLoad({ detail: { src: "https://elsewhere.example/consultations/9#receipt" } });
  expect(countOf("navigateTo")).toBe(before + 1);
});

test("a vote shared from the web-view becomes a card that opens the vote", function () {
  const web = render("web");
  web.instance.path = web.instance.current = "/";
  const card = web.instance.onShareAppMessage({ webViewUrl: BASE + "/consultations/" + VOTE + "?flat=3" });
  expect(card).toEqual({ title: "请您参加小区投票", path: "/pages/web/index?path=%2Fconsultations%2F" + VOTE });
  const home = web.instance.onShareAppMessage({ webViewUrl: BASE + "/" });
  expect(home).toEqual({ title: "共治：小区改造大家商量", path: "/pages/web/index?path=%2F" });
});

/* The subscribe-message page against GONGZHI_SUBSCRIBE_BASE_URL: a loopback server that
   follows POST/GET /api/v1/wechat/subscriptions as documented (issue 35, item 2; the
   helper "operate-a" builds it on the real server), started by tests/miniprogram/. */
jest.mock("../config", function () { return { baseUrl: process.env.GONGZHI_SUBSCRIBE_BASE_URL }; });

const path = require("path");
const { lastCall, countOf } = require("./wx");
const { send } = require("./http");
const simulate = require("miniprogram-simulate");

const BASE = process.env.GONGZHI_SUBSCRIBE_BASE_URL;

let loaded = null;  // simulate.load registers a page once; render it as often as needed

function render() {
  loaded = loaded || simulate.load(path.join(__dirname, "..", "pages", "subscribe", "index"));
  const component = simulate.render(loaded);
  component.attach(document.createElement("parent-wrapper"));
  return component;
}

async function reported() {
  return JSON.parse((await send(BASE + "/reported")).text);
}

beforeEach(function () {
  wx.setStorageSync("gongzhi.tokens", { access_token: process.env.GONGZHI_SUBSCRIBE_TOKEN });
});

test("after a vote: asks for the results template in the tap, reports what was accepted", async function () {
  const page = render();
  await page.instance.onLoad({ kinds: "results", path: encodeURIComponent("/consultations/7") });
  expect(page.instance.data.error).toBe("");
  expect(page.instance.data.templateIds).toEqual(["tpl-results"]);
  expect(page.querySelector("#accept").dom.innerHTML).toContain("接收微信通知");
  expect(page.instance.data.notes).toEqual(["结果公布时，要在微信里通知您吗？"]);

  wx.subscribeAnswer = { "tpl-results": "accept" };
  await page.instance.onAccept();
  expect(lastCall("requestSubscribeMessage").tmplIds).toEqual(["tpl-results"]);
  expect(await reported()).toEqual([{ template_ids: ["tpl-results"], accepted: ["tpl-results"] }]);
  expect(lastCall("showToast").title).toBe("好的，到时会通知您");
  expect(countOf("navigateBack")).toBe(1);
});

test("a refusal is reported as none accepted, and nothing is said", async function () {
  const page = render();
  await page.instance.onLoad({ kinds: "results" });
  wx.subscribeAnswer = { "tpl-results": "reject" };
  const toasts = countOf("showToast");
  await page.instance.onAccept();
  expect((await reported()).pop()).toEqual({ template_ids: ["tpl-results"], accepted: [] });
  expect(countOf("showToast")).toBe(toasts);
  expect(countOf("navigateBack")).toBe(2);
});

test("a kind this deployment has no template for is not asked: the page goes back", async function () {
  const page = render();
  await page.instance.onLoad({ kinds: "meeting" });
  expect(page.instance.data.templateIds).toEqual([]);
  expect(countOf("navigateBack")).toBe(3);
});
